package io.scrapestream.allocator;

import io.scrapestream.allocator.allocation.Allocation;
import io.scrapestream.allocator.allocation.ConsistentHashing;
import io.scrapestream.allocator.api.AllocatorApiServer;
import io.scrapestream.allocator.api.ApiSnapshot;
import io.scrapestream.allocator.api.ApiSnapshotRenderer;
import io.scrapestream.allocator.target.Target;
import io.scrapestream.core.config.AllocatorSettings;
import io.scrapestream.core.config.ScrapeConfig;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The whole-process measurement: builds 100,000 targets in 20 jobs, allocates them over 100
 * scrapers, renders the API, prints the times and the heap after a full GC, then serves the API
 * on the given port until killed, for a load generator (wrk) to measure requests per second.
 * Usage: {@code java -cp <test classpath> io.scrapestream.allocator.ApiServeMeasurement 18080}.
 */
public final class ApiServeMeasurement {
  private ApiServeMeasurement() {}

  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 18080;
    long start = System.nanoTime();
    List<Target> targets = BenchmarkTargets.targets(100_000, 20);
    long built = System.nanoTime();
    Allocation allocation =
        new ConsistentHashing(1.25).allocate(targets, BenchmarkTargets.scrapers(100), Allocation.empty());
    long allocated = System.nanoTime();
    List<ScrapeConfig> jobs = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      jobs.add(new ScrapeConfig("job-" + i, Duration.ofSeconds(30), Duration.ofSeconds(10), "/metrics", "http", Map.of(), false, true, List.of()));
    }
    ApiSnapshot snapshot = ApiSnapshotRenderer.render(jobs, allocation, true);
    long rendered = System.nanoTime();
    System.out.printf("targets built in %d ms, allocated in %d ms, API rendered in %d ms%n",
        (built - start) / 1_000_000, (allocated - built) / 1_000_000, (rendered - allocated) / 1_000_000);
    targets = null;
    System.gc();
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    System.out.printf("heap used after full GC: %d MB%n", heap / (1024 * 1024));
    AllocatorSettings defaults = AllocatorSettings.defaults();
    AllocatorSettings settings = new AllocatorSettings("127.0.0.1", port, defaults.strategy(), List.of(), defaults.refreshInterval(), List.of(), java.util.Optional.empty(), defaults.kubernetes());
    try (AllocatorApiServer server = AllocatorApiServer.start(settings, () -> snapshot, exchange -> exchange.close())) {
      System.out.printf("serving on port %d; %d bytes for job-0/scraper-0%n", server.port(),
          snapshot.targets().get("job-0\u0000scraper-0").length);
      new CountDownLatch(1).await();
    }
  }
}
