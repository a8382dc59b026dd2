package io.scrapestream.core.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@code scraper.allocator} section: where this scraper reads its assignment (an allocator
 * speaking the OTel Target Allocator protocol), the id it asks for, how often, and the HTTP keys of
 * the connection (Prometheus's {@code http_config}: {@code authorization}, {@code tls_config},
 * proxy and the rest).
 *
 * @param url the allocator's base URL ({@code http://allocator:8080}), without query
 * @param collectorId the {@code collector_id} this scraper asks for; by default {@code $POD_NAME},
 *     else {@code scraper.id}
 * @param refreshInterval time between two polls (default 30s, as the OTel Collector's)
 * @param timeout the deadline of each request, at most {@code refreshInterval}
 * @param http credentials, TLS and proxy of the connection to the allocator
 */
public record ScraperAllocatorSettings(
    URI url,
    String collectorId,
    Duration refreshInterval,
    Duration timeout,
    ScrapeHttpConfig http) {
  public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofSeconds(30);
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  public ScraperAllocatorSettings {
    Objects.requireNonNull(url, "url must not be null");
    ConfigRules.require("url", url.toString(), ConfigRules.HTTP_URL);
    if (url.getRawQuery() != null || url.getRawFragment() != null) {
      throw new IllegalArgumentException("url must not have a query or fragment. Found: " + url);
    }
    ConfigRules.require("collectorId", collectorId, ConfigRules.SCRAPER_ID);
    ConfigRules.require("refreshInterval", refreshInterval, ConfigRules.POSITIVE_DURATION);
    ConfigRules.require("timeout", timeout, ConfigRules.POSITIVE_DURATION);
    if (timeout.compareTo(refreshInterval) > 0) {
      throw new IllegalArgumentException(
          "timeout must not exceed refreshInterval ("
              + PrometheusDuration.format(refreshInterval)
              + "). Found: "
              + PrometheusDuration.format(timeout));
    }
    Objects.requireNonNull(http, "http must not be null");
  }

  /** Default interval and timeout, no credentials. */
  public ScraperAllocatorSettings(URI url, String collectorId) {
    this(url, collectorId, DEFAULT_REFRESH_INTERVAL, DEFAULT_TIMEOUT, ScrapeHttpConfig.DEFAULT);
  }
}
