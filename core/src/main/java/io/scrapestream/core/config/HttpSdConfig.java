package io.scrapestream.core.config;

import java.net.URI;
import java.time.Duration;

/**
 * One entry of {@code http_sd_configs}: a URL answering a JSON list of target groups, fetched every
 * refresh interval. Prometheus's authentication and TLS keys for it are not supported.
 */
public record HttpSdConfig(URI url, Duration refreshInterval) {
  public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofSeconds(60);

  public HttpSdConfig {
    ConfigRules.require("url", url == null ? null : url.toString(), ConfigRules.HTTP_URL);
    ConfigRules.require("refreshInterval", refreshInterval, ConfigRules.POSITIVE_DURATION);
  }
}
