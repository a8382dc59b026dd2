package io.scrapestream.allocator.api;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Everything the API serves between two allocations, as immutable JSON bytes, so that serving is a
 * map lookup. Built by {@link ApiSnapshotRenderer}.
 *
 * @param ready first discovery and allocation are done and at least one scraper is ready
 * @param collectors the ready scrapers
 * @param jobs the body of {@code /jobs}
 * @param targets per {@code job\0collector}: the body of {@code ?collector_id=} (discovered labels)
 * @param relabeled per {@code job\0collector}: the same with final labels ({@code &relabeled=true})
 * @param scrapeConfigs the body of {@code /scrape_configs} with secrets redacted
 * @param scrapeConfigsWithSecrets the same with secret values, for authenticated clients
 */
public record ApiSnapshot(
    boolean ready,
    SortedSet<String> collectors,
    byte[] jobs,
    Map<String, byte[]> targets,
    Map<String, byte[]> relabeled,
    byte[] scrapeConfigs,
    byte[] scrapeConfigsWithSecrets) {
  static final byte[] EMPTY_LIST = "[]\n".getBytes(StandardCharsets.UTF_8);

  public ApiSnapshot {
    collectors = Collections.unmodifiableSortedSet(new TreeSet<>(collectors));
    targets = Map.copyOf(targets);
    relabeled = Map.copyOf(relabeled);
  }

  /** What is served before the first allocation: not ready, no jobs. */
  public static ApiSnapshot notReady() {
    byte[] emptyMap = "{}".getBytes(StandardCharsets.UTF_8);
    return new ApiSnapshot(
        false,
        new TreeSet<>(),
        "{}\n".getBytes(StandardCharsets.UTF_8),
        Map.of(),
        Map.of(),
        emptyMap,
        emptyMap);
  }

  static String key(String job, String collector) {
    return job + '\u0000' + collector;
  }

  /** The targets of one collector in one job ({@code []} when none). */
  byte[] targetsOf(String job, String collector, boolean finalLabels) {
    return (finalLabels ? relabeled : targets).getOrDefault(key(job, collector), EMPTY_LIST);
  }

  List<String> collectorList() {
    return List.copyOf(collectors);
  }
}
