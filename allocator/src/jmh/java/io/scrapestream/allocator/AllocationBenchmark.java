package io.scrapestream.allocator;

import io.scrapestream.allocator.allocation.Allocation;
import io.scrapestream.allocator.allocation.AllocationStrategy;
import io.scrapestream.allocator.allocation.Scrapers;
import io.scrapestream.allocator.target.Target;
import io.scrapestream.core.config.AllocationStrategyName;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Full allocation of 100,000 targets over 100 scrapers, per strategy. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AllocationBenchmark {
  @Param({"consistent-hashing", "least-weighted", "per-node"})
  public String strategy;

  private List<Target> targets;
  private Scrapers scrapers;
  private AllocationStrategy allocator;

  @Setup
  public void setUp() {
    targets = BenchmarkTargets.targets(100_000, 20);
    scrapers = BenchmarkTargets.scrapers(100);
    allocator =
        AllocationStrategy.of(
            java.util.Arrays.stream(AllocationStrategyName.values())
                .filter(name -> name.configName().equals(strategy))
                .findFirst()
                .orElseThrow());
  }

  @Benchmark
  public Allocation allocate() {
    return allocator.allocate(targets, scrapers, Allocation.empty());
  }
}
