package io.scrapestream.core.target;

import io.scrapestream.core.config.ScrapeConfig;
import io.scrapestream.core.config.StaticConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a job's {@code static_configs} into targets with the labels Prometheus gives them: the
 * static labels, {@code job}, and {@code instance} defaulting to {@code __address__}.
 */
public final class StaticTargets {
  private StaticTargets() {}

  public static List<ScrapeTarget> of(ScrapeConfig job) {
    List<ScrapeTarget> targets = new ArrayList<>();
    for (StaticConfig group : job.staticConfigs()) {
      for (String address : group.targets()) {
        targets.add(target(job, address, group.labels()));
      }
    }
    return List.copyOf(targets);
  }

  private static ScrapeTarget target(ScrapeConfig job, String address, Map<String, String> extra) {
    TreeMap<String, String> labels = new TreeMap<>(extra);
    labels.put("job", job.jobName());
    labels.putIfAbsent("instance", address);
    TargetKey key =
        TargetKey.of(job.jobName(), address, job.metricsPath(), job.scheme(), job.params());
    return new ScrapeTarget(
        key,
        job.jobName(),
        ScrapeTarget.url(job.scheme(), address, job.metricsPath(), job.params()),
        labels,
        job.scrapeInterval(),
        job.scrapeTimeout(),
        job.honorLabels(),
        job.honorTimestamps(),
        job.trackTimestampsStaleness());
  }
}
