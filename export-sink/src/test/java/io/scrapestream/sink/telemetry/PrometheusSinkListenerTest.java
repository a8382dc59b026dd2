package io.scrapestream.sink.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.scrapestream.sink.DropReason;
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
