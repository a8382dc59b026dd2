package io.scrapestream.helm;

import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.scrapestream.allocator.telemetry.PrometheusAllocatorMetrics;
import io.scrapestream.ingest.telemetry.PrometheusScrapeListener;
import io.scrapestream.sink.telemetry.PrometheusSinkListener;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The series names the roles expose on /metrics: each role's self-metrics as the roles register
 * them, plus client_java's JVM and process metrics that every role's TelemetryServer registers.
 */
final class ExposedMetrics {
  private ExposedMetrics() {}

  static Set<String> seriesNames() {
    PrometheusRegistry registry = new PrometheusRegistry();
    JvmMetrics.builder().register(registry);
    new PrometheusScrapeListener(registry);
    new PrometheusSinkListener(registry);
    new PrometheusAllocatorMetrics(registry);
    Set<String> names = new TreeSet<>();
    for (MetricSnapshot snapshot : registry.scrape()) {
      names.addAll(series(snapshot));
    }
    return names;
  }

  private static List<String> series(MetricSnapshot snapshot) {
    String name = snapshot.getMetadata().getPrometheusName();
    if (snapshot instanceof CounterSnapshot) {
      return List.of(name + "_total", name + "_created");
    }
    if (snapshot instanceof HistogramSnapshot) {
      return List.of(name + "_bucket", name + "_count", name + "_sum");
    }
    if (snapshot instanceof SummarySnapshot) {
      return List.of(name, name + "_count", name + "_sum");
    }
    if (snapshot instanceof InfoSnapshot) {
      return List.of(name + "_info");
    }
    return List.of(name);
  }
}
