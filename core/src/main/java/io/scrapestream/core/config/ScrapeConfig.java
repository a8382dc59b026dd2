package io.scrapestream.core.config;

import io.scrapestream.core.relabel.RelabelConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One entry of {@code scrape_configs}, holding effective values: the interval and timeout are
 * already inherited from {@code global} where the job does not set them, and the timeout is capped
 * to the interval. {@code params} keep the order written. {@code relabelConfigs} and {@code
 * metricRelabelConfigs} are empty when not written. {@code discovery} holds the service discovery
 * other than {@code static_configs}; {@code auth} the job's credentials.
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
    List<StaticConfig> staticConfigs,
    List<RelabelConfig> relabelConfigs,
    List<RelabelConfig> metricRelabelConfigs,
    DiscoveryConfigs discovery,
    ScrapeAuth auth) {
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
    java.util.Objects.requireNonNull(discovery, "discovery must not be null");
    java.util.Objects.requireNonNull(auth, "auth must not be null");
  }

  /** A job with static targets only and no credentials. */
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
        staticConfigs,
        List.of(),
        List.of(),
        DiscoveryConfigs.none(),
        ScrapeAuth.none());
  }

  /** Every target of every static config, in order. */
  public List<String> targets() {
    return staticConfigs.stream().flatMap(group -> group.targets().stream()).toList();
  }
}
