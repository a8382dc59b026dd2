package io.scrapestream.core.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code enrich.staleness}: whether disappeared series and silent targets get stale markers, and
 * how often silent targets are looked for.
 *
 * @param enabled whether the staleness stage runs
 * @param punctuateInterval how often targets without a recent batch are looked for; when empty, the
 *     shortest scrape interval of the file, at most {@link #MAX_DEFAULT_PUNCTUATE_INTERVAL}
 */
public record StalenessSettings(boolean enabled, Optional<Duration> punctuateInterval) {
  public static final Duration MAX_DEFAULT_PUNCTUATE_INTERVAL = Duration.ofSeconds(10);

  public StalenessSettings {
    Objects.requireNonNull(punctuateInterval, "punctuateInterval must not be null");
    punctuateInterval.ifPresent(
        interval ->
            ConfigRules.require("punctuateInterval", interval, ConfigRules.POSITIVE_DURATION));
  }

  /** Enabled, interval derived from the scrape intervals. */
  public static StalenessSettings defaults() {
    return new StalenessSettings(true, Optional.empty());
  }

  /**
   * The configured interval, else {@code shortestScrapeInterval} capped at {@link
   * #MAX_DEFAULT_PUNCTUATE_INTERVAL}.
   */
  public Duration punctuateIntervalOr(Duration shortestScrapeInterval) {
    return punctuateInterval.orElseGet(
        () ->
            shortestScrapeInterval.compareTo(MAX_DEFAULT_PUNCTUATE_INTERVAL) < 0
                ? shortestScrapeInterval
                : MAX_DEFAULT_PUNCTUATE_INTERVAL);
  }
}
