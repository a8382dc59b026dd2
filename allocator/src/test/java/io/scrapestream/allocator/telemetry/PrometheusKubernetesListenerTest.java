package io.scrapestream.allocator.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.scrapestream.allocator.kubernetes.KubernetesListener.Change;
import io.scrapestream.allocator.kubernetes.ResourceKind;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PrometheusKubernetesListenerTest {

  @Test
  void shouldCountEventsFailuresAndRecordsWhenReported() throws Exception {
    PrometheusRegistry registry = new PrometheusRegistry();
    PrometheusKubernetesListener listener = new PrometheusKubernetesListener(registry);

    listener.objectChanged(ResourceKind.ENDPOINT_SLICE, Change.UPDATE);
    listener.objectChanged(ResourceKind.ENDPOINT_SLICE, Change.UPDATE);
    listener.watchFailed(ResourceKind.POD);
    listener.published("Pod");
    listener.skippedUnchanged("Pod");
    listener.tombstoned("Node");
    listener.sendFailed();

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, registry.scrape());
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(
            "scrapestream_allocator_kubernetes_events_total{event=\"update\",kind=\"endpoint_slice\"} 2.0",
            "scrapestream_allocator_kubernetes_watch_failures_total{kind=\"pod\"} 1.0",
            "scrapestream_allocator_metadata_records_total{kind=\"Pod\",outcome=\"published\"} 1.0",
            "scrapestream_allocator_metadata_records_total{kind=\"Pod\",outcome=\"unchanged\"} 1.0",
            "scrapestream_allocator_metadata_records_total{kind=\"Node\",outcome=\"tombstoned\"} 1.0",
            "scrapestream_allocator_metadata_send_failures_total 1.0");
  }
}
