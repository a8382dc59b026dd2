package io.scrapestream.core.config;

import io.scrapestream.core.relabel.RelabelConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code scrape_configs} (Prometheus's syntax) into effective {@link ScrapeConfig}s. To
 * support a new key, read it in {@link #read} with one line and add it to the record.
 */
final class ScrapeConfigReader {
  private ScrapeConfigReader() {}

  static List<ScrapeConfig> readAll(List<ValueReader> items, GlobalConfig global) {
    UniqueNames jobNames = new UniqueNames();
    List<ScrapeConfig> jobs = new ArrayList<>();
    for (ValueReader item : items) {
      read(MappingReader.of(item), global, jobNames).ifPresent(jobs::add);
    }
    return jobs;
  }

  private static Optional<ScrapeConfig> read(
      MappingReader m, GlobalConfig global, UniqueNames jobNames) {
    Optional<String> jobName =
        m.required("job_name", ConfigRules.NOT_EMPTY)
            .flatMap(n -> jobNames.claim(m, "job_name", n));
    ScrapeTiming timing = ScrapeTiming.read(m, global.scrapeInterval(), global.scrapeTimeout());
    String metricsPath =
        m.string("metrics_path", ScrapeConfig.DEFAULT_METRICS_PATH, ConfigRules.METRICS_PATH);
    String scheme = m.string("scheme", ScrapeConfig.DEFAULT_SCHEME, ConfigRules.SCHEME);
    Map<String, List<String>> params = m.stringListMap("params", ConfigRules.NOT_EMPTY);
    boolean honorLabels = m.bool("honor_labels", false);
    boolean honorTimestamps = m.bool("honor_timestamps", true);
    boolean trackTimestampsStaleness = m.bool("track_timestamps_staleness", false);
    List<StaticConfig> staticConfigs = staticConfigs(m.items("static_configs"));
    List<RelabelConfig> relabel = RelabelConfigsReader.readAll(m.items("relabel_configs"));
    List<RelabelConfig> metricRelabel =
        RelabelConfigsReader.readAll(m.items("metric_relabel_configs"));
    DiscoveryConfigs discovery = DiscoveryConfigReader.read(m);
    ScrapeHttpConfig http = ScrapeHttpConfigReader.read(m);
    ScrapeLimits limits = ScrapeLimitsReader.limits(m).orElse(global.scrapeLimits());
    ScrapeFormat format = ScrapeLimitsReader.format(m, global.scrapeProtocols());
    List<KubernetesSdConfig> kubernetesSdConfigs =
        KubernetesSdConfigReader.readAll(m.items("kubernetes_sd_configs"));
    m.finish();
    return jobName.map(
        name ->
            new ScrapeConfig(
                name,
                timing.interval(),
                timing.timeout(),
                metricsPath,
                scheme,
                params,
                honorLabels,
                honorTimestamps,
                trackTimestampsStaleness,
                staticConfigs,
                relabel,
                metricRelabel,
                discovery,
                http,
                limits,
                format,
                kubernetesSdConfigs));
  }

  private static List<StaticConfig> staticConfigs(List<ValueReader> items) {
    return items.stream().map(item -> staticConfig(MappingReader.of(item))).toList();
  }

  private static StaticConfig staticConfig(MappingReader m) {
    List<String> targets = m.stringList("targets", ConfigRules.TARGET);
    Map<String, String> labels = m.stringMap("labels", ConfigRules.LABEL_NAME, ValueRule.any());
    m.finish();
    return new StaticConfig(targets, labels);
  }
}
