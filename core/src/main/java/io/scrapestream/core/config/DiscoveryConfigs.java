package io.scrapestream.core.config;

import java.util.List;

/**
 * A job's service discovery beyond {@code static_configs}: {@code file_sd_configs}, {@code
 * http_sd_configs} and {@code dns_sd_configs}, each in the order written.
 */
public record DiscoveryConfigs(
    List<FileSdConfig> fileSdConfigs,
    List<HttpSdConfig> httpSdConfigs,
    List<DnsSdConfig> dnsSdConfigs) {

  public DiscoveryConfigs {
    fileSdConfigs = List.copyOf(fileSdConfigs);
    httpSdConfigs = List.copyOf(httpSdConfigs);
    dnsSdConfigs = List.copyOf(dnsSdConfigs);
  }

  /** No discovery configured. */
  public static DiscoveryConfigs none() {
    return new DiscoveryConfigs(List.of(), List.of(), List.of());
  }
}
