package io.scrapestream.core.config;

import java.time.Duration;
import java.util.Map;

/**
 * The {@code global} section: the scrape interval and timeout jobs inherit, and the labels added to
 * every series ({@code external_labels}, sorted by name).
 */
public record GlobalConfig(
    Duration scrapeInterval, Duration scrapeTimeout, Map<String, String> externalLabels) {
  public static final Duration DEFAULT_SCRAPE_INTERVAL = Duration.ofMinutes(1);
  public static final Duration DEFAULT_SCRAPE_TIMEOUT = Duration.ofSeconds(10);

  public GlobalConfig {
    ConfigRules.require("scrapeInterval", scrapeInterval, ConfigRules.POSITIVE_DURATION);
    ConfigRules.require("scrapeTimeout", scrapeTimeout, ConfigRules.POSITIVE_DURATION);
    ConfigRules.requireTimeoutWithin(scrapeTimeout, scrapeInterval);
    externalLabels = ConfigCollections.sorted("externalLabels", externalLabels);
    ConfigRules.requireLabelNames("externalLabels", externalLabels);
  }

  /** Interval 1m, timeout 10s, no external labels. */
  public static GlobalConfig defaults() {
    return new GlobalConfig(DEFAULT_SCRAPE_INTERVAL, DEFAULT_SCRAPE_TIMEOUT, Map.of());
  }
}
