package io.scrapestream.allocator.target;

import io.scrapestream.core.config.ScrapeConfig;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Target relabeling of one job ({@code relabel_configs}): the seam the relabel engine binds to,
 * e.g. {@code (job, labels) -> relabelers.get(job.jobName()).apply(labels)}. Empty means the
 * target is dropped. Must be pure: allocation depends on it.
 */
@FunctionalInterface
public interface TargetRelabeling {

  /** Keeps every target and every label as it is. */
  TargetRelabeling IDENTITY = (job, labels) -> Optional.of(new TreeMap<>(labels));

  Optional<SortedMap<String, String>> apply(ScrapeConfig job, SortedMap<String, String> labels);
}
