package io.scrapestream.allocator.telemetry;

import com.sun.net.httpserver.HttpHandler;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import io.scrapestream.allocator.allocation.Allocation;
import io.scrapestream.allocator.allocation.AllocationListener;
import io.scrapestream.allocator.discovery.DiscoveryListener;
import io.scrapestream.allocator.target.TargetSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/** The allocator's self-metrics ({@code scrapestream_allocator_*}) with client_java. */
public final class PrometheusAllocatorMetrics implements DiscoveryListener, AllocationListener {
  private final PrometheusRegistry registry;
  private final Gauge targets;
  private final Gauge scraperTargets;
  private final Gauge skippedTargets;
  private final Histogram allocationDuration;
  private final Counter discoveryRefreshes;
  private final Set<String> knownScrapers = new HashSet<>();

  public PrometheusAllocatorMetrics(PrometheusRegistry registry) {
    this.registry = registry;
    targets =
        Gauge.builder()
            .name("scrapestream_allocator_targets")
            .help("Unique targets after relabeling, by whether a scraper has them.")
            .labelNames("state")
            .register(registry);
    scraperTargets =
        Gauge.builder()
            .name("scrapestream_allocator_scraper_targets")
            .help("Targets allocated to each ready scraper.")
            .labelNames("scraper")
            .register(registry);
    skippedTargets =
        Gauge.builder()
            .name("scrapestream_allocator_skipped_targets")
            .help("Discovered targets not allocated, by reason: duplicate, dropped, invalid.")
            .labelNames("reason")
            .register(registry);
    allocationDuration =
        Histogram.builder()
            .name("scrapestream_allocator_allocation_duration_seconds")
            .help("Time to build the targets and allocate them.")
            .unit(Unit.SECONDS)
            .register(registry);
    discoveryRefreshes =
        Counter.builder()
            .name("scrapestream_allocator_discovery_refreshes_total")
            .help("Discovery refreshes by mechanism and outcome (success, error).")
            .labelNames("mechanism", "outcome")
            .register(registry);
  }

  /** Also registers the JVM's metrics; call once per registry. */
  public PrometheusAllocatorMetrics withJvmMetrics() {
    JvmMetrics.builder().register(registry);
    return this;
  }

  /** Serves the registry as {@code /metrics}. */
  public HttpHandler metricsHandler() {
    return new MetricsHandler(registry);
  }

  @Override
  public void refreshed(String mechanism, boolean failed) {
    discoveryRefreshes.labelValues(mechanism, failed ? "error" : "success").inc();
  }

  @Override
  public synchronized void allocated(TargetSet set, Allocation allocation, Duration elapsed) {
    targets.labelValues("assigned").set(allocation.assignedCount());
    targets.labelValues("unassigned").set(allocation.unassigned().size());
    skippedTargets.labelValues("duplicate").set(set.duplicates());
    skippedTargets.labelValues("dropped").set(set.dropped());
    skippedTargets.labelValues("invalid").set(set.invalid());
    allocationDuration.observe(elapsed.toNanos() / 1e9);
    knownScrapers.removeIf(
        scraper -> {
          boolean gone = !allocation.byScraper().containsKey(scraper);
          if (gone) {
            scraperTargets.remove(scraper);
          }
          return gone;
        });
    allocation
        .byScraper()
        .forEach(
            (scraper, list) -> {
              knownScrapers.add(scraper);
              scraperTargets.labelValues(scraper).set(list.size());
            });
  }
}
