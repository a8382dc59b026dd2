package io.scrapestream.core.config;

import java.time.Duration;
import java.util.Optional;

/**
 * The effective {@code scrape_interval} and {@code scrape_timeout} of {@code global} or of a job,
 * as Prometheus computes them: {@code 0} counts as not set, an interval not set is inherited, a
 * timeout not set is inherited and capped to the interval, and a timeout set above the interval is
 * a problem (not reported when the interval itself was invalid).
 */
record ScrapeTiming(Duration interval, Duration timeout) {

  static ScrapeTiming read(MappingReader m, Duration inheritedInterval, Duration inheritedTimeout) {
    int problemsBefore = m.problemCount();
    Duration interval = nonZero(m, "scrape_interval").orElse(inheritedInterval);
    boolean intervalValid = m.problemCount() == problemsBefore;
    Optional<Duration> timeout = nonZero(m, "scrape_timeout");
    if (timeout.isEmpty()) {
      return new ScrapeTiming(interval, min(inheritedTimeout, interval));
    }
    if (timeout.get().compareTo(interval) > 0) {
      if (intervalValid) {
        m.problem(
            "scrape_timeout",
            "must not exceed scrape_interval (" + PrometheusDuration.format(interval) + ")",
            PrometheusDuration.format(timeout.get()));
      }
      return new ScrapeTiming(interval, interval);
    }
    return new ScrapeTiming(interval, timeout.get());
  }

  private static Optional<Duration> nonZero(MappingReader m, String key) {
    return m.optionalDuration(key, ValueRule.any()).filter(duration -> !duration.isZero());
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
