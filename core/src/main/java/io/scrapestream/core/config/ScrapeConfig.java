package io.scrapestream.core.config;

import io.scrapestream.core.relabel.RelabelConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of {@code scrape_configs}, holding effective values: the interval and timeout are
 * already inherited from {@code global} where the job does not set them, and the timeout is capped
 * to the interval. {@code params} keep the order written. {@code relabelConfigs} and {@code
 * metricRelabelConfigs} are empty when not written. {@code discovery} holds the service discovery
 * other than {@code static_configs}. {@code http} holds the HTTP keys (credentials, TLS, proxy,
 * redirects, compression), {@code limits} the per-scrape limits (each inherited from {@code global}
 * when 0) and {@code format} the protocols to negotiate. {@code trackTimestampsStaleness} ({@code
 * track_timestamps_staleness}, default false as in Prometheus) gives series with their own
 * timestamp stale markers too.
 */
public record ScrapeConfig(
    String jobName,
    Duration scrapeInterval,
    Duration scrapeTimeout,
    String metricsPath,
    String scheme,
    Map<String, List<String>> params,
    boolean honorLabels,
    boolean honorTimestamps,
    boolean trackTimestampsStaleness,
    List<StaticConfig> staticConfigs,
    List<RelabelConfig> relabelConfigs,
    List<RelabelConfig> metricRelabelConfigs,
    DiscoveryConfigs discovery,
    ScrapeHttpConfig http,
    ScrapeLimits limits,
    ScrapeFormat format,
    List<KubernetesSdConfig> kubernetesSdConfigs) {
  public static final String DEFAULT_METRICS_PATH = "/metrics";
  public static final String DEFAULT_SCHEME = "http";

  public ScrapeConfig {
    ConfigRules.require("jobName", jobName, ConfigRules.NOT_EMPTY);
    ConfigRules.require("scrapeInterval", scrapeInterval, ConfigRules.POSITIVE_DURATION);
    ConfigRules.require("scrapeTimeout", scrapeTimeout, ConfigRules.POSITIVE_DURATION);
    ConfigRules.requireTimeoutWithin(scrapeTimeout, scrapeInterval);
    ConfigRules.require("metricsPath", metricsPath, ConfigRules.METRICS_PATH);
    ConfigRules.require("scheme", scheme, ConfigRules.SCHEME);
    params = ConfigCollections.orderedLists("params", params);
    staticConfigs = List.copyOf(staticConfigs);
    relabelConfigs = List.copyOf(relabelConfigs);
    metricRelabelConfigs = List.copyOf(metricRelabelConfigs);
    Objects.requireNonNull(discovery, "discovery must not be null");
    Objects.requireNonNull(http, "http must not be null");
    Objects.requireNonNull(limits, "limits must not be null");
    Objects.requireNonNull(format, "format must not be null");
    kubernetesSdConfigs = List.copyOf(kubernetesSdConfigs);
  }

  /** A job with static targets only, no credentials and Prometheus's defaults. */
  public ScrapeConfig(
      String jobName,
      Duration scrapeInterval,
      Duration scrapeTimeout,
      String metricsPath,
      String scheme,
      Map<String, List<String>> params,
      boolean honorLabels,
      boolean honorTimestamps,
      List<StaticConfig> staticConfigs) {
    this(
        jobName,
        scrapeInterval,
        scrapeTimeout,
        metricsPath,
        scheme,
        params,
        honorLabels,
        honorTimestamps,
        false,
        staticConfigs,
        List.of(),
        List.of(),
        DiscoveryConfigs.none(),
        ScrapeHttpConfig.DEFAULT,
        ScrapeLimits.NONE,
        ScrapeFormat.DEFAULT,
        List.of());
  }

  /** Every target of every static config, in order. */
  public List<String> targets() {
    return staticConfigs.stream().flatMap(group -> group.targets().stream()).toList();
  }
}
