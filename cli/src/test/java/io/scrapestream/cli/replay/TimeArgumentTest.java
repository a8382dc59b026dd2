package io.scrapestream.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeArgumentTest {
  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

  @ParameterizedTest
  @CsvSource({
    "2026-11-21T10:00:00Z, 2026-11-21T10:00:00Z",
    "2026-11-21T11:00:00+01:00, 2026-11-21T10:00:00Z",
    "2026-11-21T10:00:00.250Z, 2026-11-21T10:00:00.250Z",
    "now, 2026-11-21T12:00:00Z",
    "-2h, 2026-11-21T10:00:00Z",
    "-1h30m, 2026-11-21T10:30:00Z",
    "-500ms, 2026-11-21T11:59:59.500Z"
  })
  void shouldReadTheTimeWhenItIsRfc3339NowOrATimeAgo(String text, String expected) {
    assertThat(TimeArgument.parse("--from", text, NOW)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"yesterday", "2h", "-2x", "2026-11-21", "2026-11-21T10:00:00"})
  void shouldNameTheOptionAndTheTextWhenItIsNotATime(String text) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TimeArgument.parse("--to", text, NOW))
        .withMessage(
            "--to: must be an RFC 3339 time (2026-11-21T10:00:00Z), now, or a time ago such as"
                + " -2h. Found: "
                + text);
  }
}
