package io.scrapestream.core.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One entry of {@code scrape_configs}, holding effective values: the interval and timeout are
 * already inherited from {@code global} where the job does not set them, and the timeout is capped
 * to the interval. {@code params} keep the order written.
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
    kubernetesSdConfigs = List.copyOf(kubernetesSdConfigs);
  }

  /** Every target of every static config, in order. */
  public List<String> targets() {
    return staticConfigs.stream().flatMap(group -> group.targets().stream()).toList();
  }
}
