package io.scrapestream.allocator.target;

import io.scrapestream.allocator.discovery.TargetGroup;
import io.scrapestream.core.config.ScrapeConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The unique targets of every job, sorted by {@link Target#key()}: relabeled first, then made
 * unique by identity across all jobs, the first job in configuration order keeping a target that
 * several produce. Pure: the same jobs and groups in the same order give the same set.
 *
 * @param duplicates targets left out because an earlier job or group already had their identity
 * @param dropped targets relabeling dropped
 * @param invalid targets whose labels did not make a target (no address, bad interval, ...)
 */
public record TargetSet(List<Target> targets, int duplicates, int dropped, int invalid) {
  public TargetSet {
    targets = List.copyOf(targets);
  }

  public static TargetSet empty() {
    return new TargetSet(List.of(), 0, 0, 0);
  }

  /**
   * @param jobs the jobs in configuration order
   * @param groupsByJob each job's current groups, ordered by discoverer then source
   */
  public static TargetSet build(
      List<ScrapeConfig> jobs, Map<String, List<TargetGroup>> groupsByJob, TargetBuilder builder) {
    Map<String, Target> unique = new HashMap<>();
    int[] counts = new int[3];
    for (ScrapeConfig job : jobs) {
      for (TargetGroup group : groupsByJob.getOrDefault(job.jobName(), List.of())) {
        for (Map<String, String> discovered : group.targets()) {
          BuildOutcome outcome = builder.build(job, group.labels(), discovered);
          count(outcome, unique, counts);
        }
      }
    }
    List<Target> sorted = new ArrayList<>(unique.values());
    sorted.sort(Comparator.comparing(Target::key));
    return new TargetSet(sorted, counts[0], counts[1], counts[2]);
  }

  private static void count(BuildOutcome outcome, Map<String, Target> unique, int[] counts) {
    if (outcome instanceof BuildOutcome.Built built) {
      if (unique.putIfAbsent(built.target().key(), built.target()) != null) {
        counts[0]++;
      }
    } else if (outcome instanceof BuildOutcome.Dropped) {
      counts[1]++;
    } else {
      counts[2]++;
    }
  }

  /** The targets of one job. */
  public List<Target> ofJob(String job) {
    Objects.requireNonNull(job, "job must not be null");
    return targets.stream().filter(target -> job.equals(target.job())).toList();
  }
}
