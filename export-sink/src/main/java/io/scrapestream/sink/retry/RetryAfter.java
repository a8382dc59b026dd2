package io.scrapestream.sink.retry;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the HTTP {@code Retry-After} header (RFC 9110 section 10.2.3). */
public final class RetryAfter {
  private static final Pattern DELAY_SECONDS = Pattern.compile("\\d{1,18}");

  private RetryAfter() {}

  /**
   * The wait the header asks for: {@code delay-seconds}, or an HTTP-date (IMF-fixdate) relative to
   * {@code clock}; a date in the past means no wait. Empty when the value is absent or neither
   * form.
   */
  public static Optional<Duration> parse(String value, Clock clock) {
    if (value == null) {
      return Optional.empty();
    }
    String trimmed = value.trim();
    if (DELAY_SECONDS.matcher(trimmed).matches()) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(trimmed)));
    }
    try {
      ZonedDateTime date = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), date.toInstant());
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
