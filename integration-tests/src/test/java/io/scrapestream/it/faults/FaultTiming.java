package io.scrapestream.it.faults;

import java.time.Duration;

/**
 * The durations of the fault scenarios: short by default, the full lengths with {@code
 * -Pfaults-slow} (which sets the system property {@value #SLOW_PROPERTY} to {@code true}).
 */
final class FaultTiming {
  static final String SLOW_PROPERTY = "scrapestream.faults.slow";

  private FaultTiming() {}

  static boolean slow() {
    return Boolean.getBoolean(SLOW_PROPERTY);
  }

  /** How long the backend is down in scenario 1: 20 s, or 2 minutes when slow. */
  static Duration backendOutage() {
    return slow() ? Duration.ofMinutes(2) : Duration.ofSeconds(20);
  }

  /** How long the broker is down in scenario 3: 10 s, or 1 minute when slow. */
  static Duration brokerOutage() {
    return slow() ? Duration.ofMinutes(1) : Duration.ofSeconds(10);
  }

  /** How long the backend is slow in scenario 9: 15 s, or 1 minute when slow. */
  static Duration slowBackend() {
    return slow() ? Duration.ofMinutes(1) : Duration.ofSeconds(15);
  }

  /** A name part for the line: {@code 20s}, {@code 120s}. */
  static String seconds(Duration duration) {
    return duration.toSeconds() + "s";
  }
}
