package io.scrapestream.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrometheusDurationTest {

  @ParameterizedTest
  @CsvSource({
    "0, 0",
    "0s, 0",
    "0ms, 0",
    "1ms, 1",
    "500ms, 500",
    "15s, 15000",
    "1m, 60000",
    "1m30s, 90000",
    "1h, 3600000",
    "1d, 86400000",
    "1w, 604800000",
    "1y, 31536000000",
    "1y2w3d4h5m6s7ms, 33019506007",
    "90m, 5400000",
    "0100s, 100000"
  })
  void shouldParseWhenUnitsAreInOrder(String text, long millis) {
    assertThat(PrometheusDuration.parse(text)).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "1.5s",
        "-1s",
        "1s1m",
        "1",
        "s",
        "1ms1s",
        "1S",
        " 1s",
        "1s ",
        "1m 30s",
        "1h1h",
        "+1s",
        "1sec",
        "1µs",
        "99999999999999999999s",
        "300000000y"
      })
  void shouldRejectWhenTextIsNotAPrometheusDuration(String text) {
    assertThat(PrometheusDuration.tryParse(text)).isEmpty();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> PrometheusDuration.parse(text))
        .withMessage("not a Prometheus duration (like 1m30s, 15s or 500ms): \"" + text + "\"");
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0s",
    "1, 1ms",
    "500, 500ms",
    "1500, 1s500ms",
    "90000, 1m30s",
    "3600000, 1h",
    "5400000, 1h30m",
    "86400000, 1d",
    "604800000, 1w",
    "691200000, 8d",
    "1209600000, 2w",
    "31536000000, 1y",
    "31622400000, 366d",
    "93784005, 1d2h3m4s5ms"
  })
  void shouldFormatLikePrometheusWhenDurationIsGiven(long millis, String text) {
    assertThat(PrometheusDuration.format(Duration.ofMillis(millis))).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0s", "1ms", "1s500ms", "1m30s", "1h", "1d2h3m4s5ms", "2w", "1y", "9d"})
  void shouldRoundTripWhenTextIsCanonical(String text) {
    assertThat(PrometheusDuration.format(PrometheusDuration.parse(text))).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 999, 61_001, 86_400_000, 694_861_001, 31_536_000_000L})
  void shouldParseBackToSameDurationWhenFormatted(long millis) {
    Duration duration = Duration.ofMillis(millis);

    assertThat(PrometheusDuration.parse(PrometheusDuration.format(duration))).isEqualTo(duration);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 999_999})
  void shouldDropNanosWhenFormatting(long nanos) {
    assertThat(PrometheusDuration.format(Duration.ofSeconds(1).plusNanos(nanos))).isEqualTo("1s");
  }

  @org.junit.jupiter.api.Test
  void shouldRejectWhenFormattingANegativeDuration() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> PrometheusDuration.format(Duration.ofSeconds(-1)))
        .withMessage("a Prometheus duration cannot be negative: PT-1S");
  }
}
