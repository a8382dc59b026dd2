package io.scrapestream.allocator.target;

import java.util.Objects;

/**
 * One unique target after target relabeling.
 *
 * @param key {@link TargetIdentity#key()}, which orders targets
 * @param hash {@link TargetIdentity#hash()}, which allocation uses
 * @param job the first job, in configuration order, that produced the target
 * @param discoveredLabels the labels discovery reported (group labels, then target labels), before
 *     the job's defaults and relabeling: what an OTel Collector expects, since it relabels itself
 * @param labels the final labels: {@code __address__}, {@code __scheme__}, {@code
 *     __metrics_path__}, {@code __scrape_interval__}, {@code __scrape_timeout__}, {@code
 *     __param_*}, {@code job}, {@code instance} and the rest, with no {@code __meta_*}
 */
public record Target(String key, long hash, String job, Labels discoveredLabels, Labels labels) {
  public Target {
    Objects.requireNonNull(key, "key must not be null");
    Objects.requireNonNull(job, "job must not be null");
    Objects.requireNonNull(discoveredLabels, "discoveredLabels must not be null");
    Objects.requireNonNull(labels, "labels must not be null");
  }

  /** The target's {@code __address__} after relabeling. */
  public String address() {
    return labels.get("__address__");
  }
}
