package io.scrapestream.allocator.target;

import io.scrapestream.core.config.ScrapeConfig;
import io.scrapestream.core.relabel.Relabeler;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each job's {@code relabel_configs} through the relabel engine, with one {@link Relabeler} per job
 * built on first use. A job without rules keeps its labels as they are.
 */
public final class JobRelabeling implements TargetRelabeling {
  private final Map<String, Relabeler> relabelers = new ConcurrentHashMap<>();

  @Override
  public Optional<SortedMap<String, String>> apply(
      ScrapeConfig job, SortedMap<String, String> labels) {
    if (job.relabelConfigs().isEmpty()) {
      return IDENTITY.apply(job, labels);
    }
    return relabelers
        .computeIfAbsent(job.jobName(), name -> new Relabeler(job.relabelConfigs()))
        .apply(labels);
  }
}
