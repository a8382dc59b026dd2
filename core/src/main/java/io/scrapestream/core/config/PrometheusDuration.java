package io.scrapestream.core.config;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations written the Prometheus way ({@code 1m30s}, {@code 500ms}, {@code 2w}): integer amounts
 * of {@code y w d h m s ms}, in that order, at least one; {@code 0} alone means zero. A year is 365
 * days and a week 7 days. Precision is one millisecond, as in Prometheus.
 */
public final class PrometheusDuration {
  private static final Pattern PATTERN =
      Pattern.compile(
          "(?:([0-9]+)y)?(?:([0-9]+)w)?(?:([0-9]+)d)?(?:([0-9]+)h)?"
              + "(?:([0-9]+)m)?(?:([0-9]+)s)?(?:([0-9]+)ms)?");
  private static final long SECOND = 1000;
  private static final long MINUTE = 60 * SECOND;
  private static final long HOUR = 60 * MINUTE;
  private static final long DAY = 24 * HOUR;
  private static final long WEEK = 7 * DAY;
  private static final long YEAR = 365 * DAY;
  private static final long[] UNIT_MILLIS = {YEAR, WEEK, DAY, HOUR, MINUTE, SECOND, 1};

  private PrometheusDuration() {}

  /**
   * Parses a Prometheus duration.
   *
   * @throws IllegalArgumentException naming the text when it is not a valid duration
   */
  public static Duration parse(String text) {
    return tryParse(text)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "not a Prometheus duration (like 1m30s, 15s or 500ms): \"" + text + "\""));
  }

  /** Parses a Prometheus duration, or returns empty when the text is not one. */
  public static Optional<Duration> tryParse(String text) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    if (text.equals("0")) {
      return Optional.of(Duration.ZERO);
    }
    Matcher matcher = PATTERN.matcher(text);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Duration.ofMillis(sumMillis(matcher)));
    } catch (ArithmeticException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static long sumMillis(Matcher matcher) {
    long total = 0;
    for (int unit = 0; unit < UNIT_MILLIS.length; unit++) {
      String amount = matcher.group(unit + 1);
      if (amount != null) {
        total = Math.addExact(total, Math.multiplyExact(Long.parseLong(amount), UNIT_MILLIS[unit]));
      }
    }
    return total;
  }

  /**
   * Formats a duration like Prometheus does: {@code 0s}, {@code 500ms}, {@code 1m30s}, {@code 1d},
   * {@code 2w}, {@code 1y}; years and weeks only when nothing smaller remains. Anything below one
   * millisecond is dropped.
   *
   * @throws IllegalArgumentException when the duration is negative
   */
  public static String format(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("a Prometheus duration cannot be negative: " + duration);
    }
    long millis = duration.toMillis();
    if (millis == 0) {
      return "0s";
    }
    StringBuilder out = new StringBuilder();
    String[] names = {"y", "w", "d", "h", "m", "s", "ms"};
    for (int unit = 0; unit < UNIT_MILLIS.length; unit++) {
      long size = UNIT_MILLIS[unit];
      boolean exactOnly = unit < 2;
      if (millis >= size && (!exactOnly || millis % size == 0)) {
        out.append(millis / size).append(names[unit]);
        millis %= size;
      }
    }
    return out.toString();
  }
}
