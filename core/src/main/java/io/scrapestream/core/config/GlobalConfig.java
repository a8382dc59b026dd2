package io.scrapestream.core.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code global} section: the scrape interval and timeout jobs inherit, the labels added to
 * every series ({@code external_labels}, sorted by name), the limits jobs inherit where they set
 * none, and the {@code scrape_protocols} jobs inherit where they set none.
 */
public record GlobalConfig(
    Duration scrapeInterval,
    Duration scrapeTimeout,
    Map<String, String> externalLabels,
    ScrapeLimits scrapeLimits,
    List<ScrapeProtocol> scrapeProtocols) {
  public static final Duration DEFAULT_SCRAPE_INTERVAL = Duration.ofMinutes(1);
  public static final Duration DEFAULT_SCRAPE_TIMEOUT = Duration.ofSeconds(10);

  public GlobalConfig {
    ConfigRules.require("scrapeInterval", scrapeInterval, ConfigRules.POSITIVE_DURATION);
    ConfigRules.require("scrapeTimeout", scrapeTimeout, ConfigRules.POSITIVE_DURATION);
    ConfigRules.requireTimeoutWithin(scrapeTimeout, scrapeInterval);
    externalLabels = ConfigCollections.sorted("externalLabels", externalLabels);
    ConfigRules.requireLabelNames("externalLabels", externalLabels);
    Objects.requireNonNull(scrapeLimits, "scrapeLimits must not be null");
    scrapeProtocols = new ScrapeFormat(scrapeProtocols, Optional.empty(), false).protocols();
  }

  /** Interval 1m, timeout 10s, no external labels, no limits, the default protocols. */
  public static GlobalConfig defaults() {
    return new GlobalConfig(
        DEFAULT_SCRAPE_INTERVAL,
        DEFAULT_SCRAPE_TIMEOUT,
        Map.of(),
        ScrapeLimits.NONE,
        ScrapeProtocol.DEFAULT_ORDER);
  }
}
