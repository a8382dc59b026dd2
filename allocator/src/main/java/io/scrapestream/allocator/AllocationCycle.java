package io.scrapestream.allocator;

import io.scrapestream.allocator.allocation.Allocation;
import io.scrapestream.allocator.allocation.AllocationListener;
import io.scrapestream.allocator.allocation.AllocationStrategy;
import io.scrapestream.allocator.allocation.Scrapers;
import io.scrapestream.allocator.api.ApiSnapshot;
import io.scrapestream.allocator.api.ApiSnapshotRenderer;
import io.scrapestream.allocator.discovery.TargetGroup;
import io.scrapestream.allocator.target.TargetBuilder;
import io.scrapestream.allocator.target.TargetRelabeling;
import io.scrapestream.allocator.target.TargetSet;
import io.scrapestream.core.config.ScrapeConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One allocation: discovered groups to unique targets (relabel first), targets to scrapers, the
 * result to API bytes. Holds no state: the previous allocation is an argument.
 */
public final class AllocationCycle {
  private final List<ScrapeConfig> jobs;
  private final TargetBuilder builder;
  private final AllocationStrategy strategy;
  private final AllocationListener listener;

  public AllocationCycle(
      List<ScrapeConfig> jobs,
      TargetRelabeling relabeling,
      AllocationStrategy strategy,
      AllocationListener listener) {
    this.jobs = List.copyOf(jobs);
    this.builder = new TargetBuilder(relabeling);
    this.strategy = strategy;
    this.listener = listener;
  }

  /** What one cycle produced. */
  public record Result(TargetSet targets, Allocation allocation, ApiSnapshot snapshot) {}

  /**
   * @param discoveryDone every discoverer has reported once (readiness needs it)
   */
  public Result run(
      Map<String, List<TargetGroup>> groups,
      Scrapers scrapers,
      Allocation previous,
      boolean discoveryDone) {
    return run(jobs, groups, scrapers, previous, discoveryDone);
  }

  /** One cycle over {@code jobs} (the configured ones and those added at run time). */
  public Result run(
      List<ScrapeConfig> jobs,
      Map<String, List<TargetGroup>> groups,
      Scrapers scrapers,
      Allocation previous,
      boolean discoveryDone) {
    long start = System.nanoTime();
    TargetSet targets = TargetSet.build(jobs, groups, builder);
    Allocation allocation = strategy.allocate(targets.targets(), scrapers, previous);
    listener.allocated(targets, allocation, Duration.ofNanos(System.nanoTime() - start));
    boolean ready = discoveryDone && !scrapers.ids().isEmpty();
    return new Result(targets, allocation, ApiSnapshotRenderer.render(jobs, allocation, ready));
  }

  /** How many targets of {@code current} have another scraper than in {@code previous}. */
  static int moved(Allocation previous, Allocation current) {
    Map<String, String> before = previous.scraperByTargetKey();
    int[] moved = {0};
    current
        .byScraper()
        .forEach(
            (scraper, targets) ->
                targets.forEach(
                    t -> {
                      String was = before.get(t.key());
                      if (was != null && !was.equals(scraper)) {
                        moved[0]++;
                      }
                    }));
    return moved[0];
  }
}
