package io.scrapestream.enrich.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.scrapestream.enrich.topology.DeadLetterReason;
import io.scrapestream.enrich.topology.TransformOutcome;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PrometheusEnrichListenerTest {

  @Test
  void shouldExposeExactCountsWhenEventsAreReported() throws Exception {
    PrometheusRegistry registry = new PrometheusRegistry();
    PrometheusEnrichListener listener = new PrometheusEnrichListener(registry);

    listener.batchWritten(500);
    listener.batchWritten(20);
    listener.kubernetesLookup(true);
    listener.kubernetesLookup(true);
    listener.kubernetesLookup(false);
    listener.staleMarkers(3);
    listener.deadLettered(DeadLetterReason.INVALID);
    listener.punctuated(Duration.ofMillis(250), 2);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, registry.scrape());
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(
            "scrapestream_enrich_records_total 2.0\n",
            "scrapestream_enrich_samples_total 520.0\n",
            "scrapestream_enrich_kubernetes_lookups_total{outcome=\"hit\"} 2.0\n",
            "scrapestream_enrich_kubernetes_lookups_total{outcome=\"miss\"} 1.0\n",
            "scrapestream_enrich_stale_markers_total 3.0\n",
            "scrapestream_enrich_dead_letters_total{reason=\"failed\"} 0.0\n",
            "scrapestream_enrich_dead_letters_total{reason=\"invalid\"} 1.0\n",
            "scrapestream_enrich_dead_letters_total{reason=\"undecodable\"} 0.0\n",
            "scrapestream_enrich_gone_targets_total 2.0\n",
            "scrapestream_enrich_punctuation_lag_seconds 0.25\n");
  }

  @Test
  void shouldCountSamplesPerBackendAndOutcomeWhenTransformsReport() throws Exception {
    PrometheusRegistry registry = new PrometheusRegistry();
    PrometheusEnrichListener listener = new PrometheusEnrichListener(registry);

    listener.transformed("vm", TransformOutcome.TRANSFORMED, 40);
    listener.transformed("vm", TransformOutcome.TRANSFORMED, 2);
    listener.transformed("vm", TransformOutcome.DROPPED, 7);
    listener.transformed("amp", TransformOutcome.LIMITED, 5);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, registry.scrape());
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(
            "scrapestream_enrich_transform_samples_total{backend=\"amp\",outcome=\"limited\"} 5.0\n",
            "scrapestream_enrich_transform_samples_total{backend=\"vm\",outcome=\"dropped\"} 7.0\n",
            "scrapestream_enrich_transform_samples_total{backend=\"vm\",outcome=\"transformed\"}"
                + " 42.0\n");
  }
}
