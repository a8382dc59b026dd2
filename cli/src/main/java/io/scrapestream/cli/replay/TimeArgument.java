package io.scrapestream.cli.replay;

import io.scrapestream.core.config.PrometheusDuration;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A time on the command line: RFC 3339 ({@code 2026-11-21T10:00:00Z}, {@code
 * 2026-11-21T11:00:00+01:00}), {@code now}, or a time ago as a minus sign and a Prometheus duration
 * ({@code -2h}, {@code -1h30m}).
 */
final class TimeArgument {
  private TimeArgument() {}

  /**
   * The time {@code text} names, relative to {@code now}.
   *
   * @param option the option's name, for the error message
   * @throws IllegalArgumentException naming the option and the text when it is not a time
   */
  static Instant parse(String option, String text, Instant now) {
    if (text.equals("now")) {
      return now;
    }
    Optional<Duration> ago =
        text.startsWith("-") ? PrometheusDuration.tryParse(text.substring(1)) : Optional.empty();
    if (ago.isPresent()) {
      return now.minus(ago.get());
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          option
              + ": must be an RFC 3339 time (2026-11-21T10:00:00Z), now, or a time ago such as"
              + " -2h. Found: "
              + text);
    }
  }
}
