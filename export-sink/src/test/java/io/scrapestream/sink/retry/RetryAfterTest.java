package io.scrapestream.sink.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryAfterTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2015-10-21T07:27:30Z"), ZoneOffset.UTC);

  @ParameterizedTest(name = "''{0}'' -> {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "none",
      value = {
        "120                           | PT2M",
        "0                             | PT0S",
        "' 7 '                         | PT7S",
        "Wed, 21 Oct 2015 07:28:00 GMT | PT30S",
        "Wed, 21 Oct 2015 07:27:30 GMT | PT0S",
        "Wed, 21 Oct 2015 06:00:00 GMT | PT0S",
        "Thu, 22 Oct 2015 07:27:30 GMT | PT24H",
        "-5                            | none",
        "1.5                           | none",
        "tomorrow                      | none",
        "''                            | none",
        "99999999999999999999          | none",
        "none                          | none"
      })
  void shouldReadDelaySecondsOrHttpDateWhenParsing(String value, String expected) {
    Optional<Duration> wait = RetryAfter.parse(value, CLOCK);

    assertThat(wait).isEqualTo(Optional.ofNullable(expected).map(Duration::parse));
  }
}
