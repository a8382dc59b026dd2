package io.scrapestream.core.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One entry of {@code dns_sd_configs}: DNS names queried for one record type every refresh
 * interval. SRV records carry their port; every other type needs {@code port} (1..65535), which is
 * 0 when not set.
 */
public record DnsSdConfig(
    List<String> names, DnsRecordType type, int port, Duration refreshInterval) {
  public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofSeconds(30);

  public DnsSdConfig {
    names = List.copyOf(names);
    if (names.isEmpty()) {
      throw new IllegalArgumentException("names must not be empty");
    }
    names.forEach(name -> ConfigRules.require("name", name, ConfigRules.NOT_EMPTY));
    Objects.requireNonNull(type, "type must not be null");
    if (port < 0 || port > 65535 || type.needsPort() && port == 0) {
      throw new IllegalArgumentException(
          "port must be in 1..65535 for " + type + " records. Found: " + port);
    }
    ConfigRules.require("refreshInterval", refreshInterval, ConfigRules.POSITIVE_DURATION);
  }
}
