package io.scrapestream.sink.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.scrapestream.sink.DropReason;
import io.scrapestream.sink.RetryStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PrometheusSinkListenerTest {

  @Test
  void shouldCountDropsRejectionsAndDuplicatesWhenReported() {
    PrometheusRegistry registry = new PrometheusRegistry();
    PrometheusSinkListener listener = new PrometheusSinkListener(registry);

    listener.dropped("es", DropReason.STALE_MARKER, 3);
    listener.dropped("es", DropReason.STALE_MARKER, 2);
    listener.partiallyRejected("otlp", 4);
    listener.duplicates("es", 7);

    assertThat(
            value(
                registry,
                "scrapestream_sink_samples_dropped",
                Labels.of("backend", "es", "reason", "stale_marker")))
        .isEqualTo(5.0);
    assertThat(
            value(
                registry,
                "scrapestream_sink_samples_partially_rejected",
                Labels.of("backend", "otlp")))
        .isEqualTo(4.0);
    assertThat(value(registry, "scrapestream_sink_samples_duplicate", Labels.of("backend", "es")))
        .isEqualTo(7.0);
  }

  @Test
  void shouldExposeRetriesBatchesBisectionsDeadLettersLagAndRevocationsWhenReported() {
    PrometheusRegistry registry = new PrometheusRegistry();
    PrometheusSinkListener listener = new PrometheusSinkListener(registry);

    listener.retried("prom", RetryStatus.TOO_MANY_REQUESTS);
    listener.retried("prom", RetryStatus.TOO_MANY_REQUESTS);
    listener.retried("prom", RetryStatus.TIMEOUT);
    listener.bisected("prom", 16);
    listener.deadLettered("prom", 1);
    listener.deadLettered("prom", 0);
    listener.revoked("prom", 3);
    listener.lag("prom", 42, Duration.ofMillis(1500));
    listener.lag("prom", 7, Duration.ofMillis(250));
    listener.request("prom", Duration.ofMillis(20));
    listener.batchSize("prom", 300);
    listener.batchSize("prom", 3);

    Labels prom = Labels.of("backend", "prom");
    assertThat(value(registry, "scrapestream_sink_retries", prom.add("status", "429")))
        .isEqualTo(2.0);
    assertThat(value(registry, "scrapestream_sink_retries", prom.add("status", "timeout")))
        .isEqualTo(1.0);
    assertThat(value(registry, "scrapestream_sink_bisect_requests", prom)).isEqualTo(16.0);
    assertThat(value(registry, "scrapestream_sink_dead_letters", prom)).isEqualTo(2.0);
    assertThat(value(registry, "scrapestream_sink_samples_rejected", prom)).isEqualTo(1.0);
    assertThat(value(registry, "scrapestream_sink_partitions_revoked", prom)).isEqualTo(3.0);
    assertThat(gauge(registry, "scrapestream_sink_lag_records")).isEqualTo(7.0);
    assertThat(gauge(registry, "scrapestream_sink_lag_seconds")).isEqualTo(0.25);
    assertThat(histogram(registry, "scrapestream_sink_request_duration_seconds").getCount())
        .isEqualTo(1);
    HistogramSnapshot.HistogramDataPointSnapshot batches =
        histogram(registry, "scrapestream_sink_batch_samples");
    assertThat(batches.getCount()).isEqualTo(2);
    assertThat(batches.getSum()).isEqualTo(303.0);
  }

  private static double gauge(PrometheusRegistry registry, String name) {
    return registry.scrape().stream()
        .filter(snapshot -> snapshot.getMetadata().getName().equals(name))
        .map(GaugeSnapshot.class::cast)
        .flatMap(snapshot -> snapshot.getDataPoints().stream())
        .mapToDouble(GaugeSnapshot.GaugeDataPointSnapshot::getValue)
        .sum();
  }

  private static HistogramSnapshot.HistogramDataPointSnapshot histogram(
      PrometheusRegistry registry, String name) {
    return registry.scrape().stream()
        .filter(snapshot -> snapshot.getMetadata().getName().equals(name))
        .map(HistogramSnapshot.class::cast)
        .flatMap(snapshot -> snapshot.getDataPoints().stream())
        .findFirst()
        .orElseThrow();
  }

  private static double value(PrometheusRegistry registry, String name, Labels labels) {
    return registry.scrape().stream()
        .filter(snapshot -> snapshot.getMetadata().getName().equals(name))
        .map(CounterSnapshot.class::cast)
        .flatMap(snapshot -> snapshot.getDataPoints().stream())
        .filter(point -> point.getLabels().equals(labels))
        .mapToDouble(CounterSnapshot.CounterDataPointSnapshot::getValue)
        .sum();
  }
}
