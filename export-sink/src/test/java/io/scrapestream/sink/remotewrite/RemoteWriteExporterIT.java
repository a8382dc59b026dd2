package io.scrapestream.sink.remotewrite;

import static io.scrapestream.sink.ScrapeBatchBuilder.STALE_MARKER;
import static io.scrapestream.sink.ScrapeBatchBuilder.batch;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scrapestream.schemas.v1.MetricType;
import io.scrapestream.schemas.v1.NativeHistogram;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import io.scrapestream.sink.ExportOutcome;
import io.scrapestream.testsupport.prometheus.PrometheusServer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Remote write into a real Prometheus 2.42, read back through its query API. */
@Timeout(120)
class RemoteWriteExporterIT {
  @RegisterExtension static final PrometheusServer PROMETHEUS = new PrometheusServer();

  private static final Instant T0 = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.SECONDS);
  private static final Instant T1 = T0.plusSeconds(15);

  @Test
  void shouldReadBackExactValuesAndLabelsWhenWritten() {
    List<ScrapeBatch> batches =
        List.of(
            batch("it-a", T0.toEpochMilli())
                .sample(1.5, "job", "it", "env", "", "instance", "a:1", "__name__", "ss_it_value")
                .build(),
            batch("it-a", T1.toEpochMilli())
                .sample(2.25, "__name__", "ss_it_value", "instance", "a:1", "job", "it", "env", "")
                .build());

    assertThat(exporter().export(batches)).isEqualTo(new ExportOutcome.Success(2));

    JsonNode data = PROMETHEUS.query("ss_it_value", T1.plusSeconds(5));
    assertThat(data.get("resultType").asText()).isEqualTo("vector");
    assertThat(data.get("result")).hasSize(1);
    assertThat(data.get("result").get(0).get("metric").toString())
        .isEqualTo("{\"__name__\":\"ss_it_value\",\"instance\":\"a:1\",\"job\":\"it\"}");
    assertThat(data.get("result").get(0).get("value").get(1).asText()).isEqualTo("2.25");
    JsonNode range =
        PROMETHEUS.queryRange("ss_it_value", T0, T1, Duration.ofSeconds(15)).get("result");
    assertThat(points(range.get(0).get("values")))
        .containsExactly(T0.getEpochSecond() + "=1.5", T1.getEpochSecond() + "=2.25");
  }

  @Test
  void shouldEndSeriesWhenStaleMarkerFollowsValue() {
    List<ScrapeBatch> batches =
        List.of(
            batch("it-b", T0.toEpochMilli())
                .sample(4.0, "__name__", "ss_it_stale", "job", "it")
                .build(),
            batch("it-b", T1.toEpochMilli())
                .sampleBits(STALE_MARKER, "__name__", "ss_it_stale", "job", "it")
                .build());

    assertThat(exporter().export(batches)).isEqualTo(new ExportOutcome.Success(2));

    JsonNode before = PROMETHEUS.query("ss_it_stale", T0.plusSeconds(5)).get("result");
    assertThat(before).hasSize(1);
    assertThat(before.get(0).get("value").get(1).asText()).isEqualTo("4");
    assertThat(PROMETHEUS.query("ss_it_stale", T1.plusSeconds(5)).get("result")).isEmpty();
  }

  @Test
  void shouldReturnRejectedWhenPrometheusRefusesOutOfOrderSample() {
    ScrapeBatch newer = batch("it-c", T1.toEpochMilli()).sample(1, "__name__", "ss_it_ooo").build();
    ScrapeBatch older = batch("it-c", T0.toEpochMilli()).sample(2, "__name__", "ss_it_ooo").build();
    RemoteWriteExporter exporter = exporter();
    assertThat(exporter.export(List.of(newer))).isEqualTo(new ExportOutcome.Success(1));

    ExportOutcome outcome = exporter.export(List.of(older));

    assertThat(outcome)
        .isEqualTo(
            new ExportOutcome.Rejected(
                "server returned HTTP status 400: out of order sample", 400));
  }

  @Test
  void shouldLeaveOutNativeHistogramsWhenPrometheusRunsWithoutThem() {
    ScrapeBatch batch =
        batch("it-d", T0.toEpochMilli())
            .series(
                Series.newBuilder().setHistogram(NativeHistogram.newBuilder().setCountInt(1)),
                "__name__",
                "ss_it_histogram")
            .sample(8, "__name__", "ss_it_float")
            .build();

    assertThat(exporter().export(List.of(batch))).isEqualTo(new ExportOutcome.Success(1));

    JsonNode result = PROMETHEUS.query("ss_it_float", T0.plusSeconds(1)).get("result");
    assertThat(result.get(0).get("value").get(1).asText()).isEqualTo("8");
  }

  @Test
  void shouldFallBackTo1AndStoreSamplesWhenPrometheus242IsSentVersion2() {
    RemoteWriteExporter exporter =
        new RemoteWriteExporter(
            new RemoteWriteEndpoint(
                "prometheus",
                PROMETHEUS.remoteWriteUrl(),
                Duration.ofSeconds(30),
                Map.of(),
                true,
                false,
                RemoteWriteVersion.V2));
    List<ScrapeBatch> batches =
        List.of(
            batch("it-e", T0.toEpochMilli())
                .metadata("ss_it_v2", MetricType.METRIC_TYPE_GAUGE, "Sent as 2.0 first.", "")
                .sample(6.5, "__name__", "ss_it_v2", "job", "it")
                .build());

    assertThat(exporter.export(batches)).isEqualTo(new ExportOutcome.Success(1));

    assertThat(exporter.version()).isEqualTo(RemoteWriteVersion.V1);
    JsonNode result = PROMETHEUS.query("ss_it_v2", T0.plusSeconds(1)).get("result");
    assertThat(result).hasSize(1);
    assertThat(result.get(0).get("metric").toString())
        .isEqualTo("{\"__name__\":\"ss_it_v2\",\"job\":\"it\"}");
    assertThat(result.get(0).get("value").get(1).asText()).isEqualTo("6.5");
  }

  private static RemoteWriteExporter exporter() {
    return new RemoteWriteExporter(
        RemoteWriteEndpoint.of("prometheus", PROMETHEUS.remoteWriteUrl()));
  }

  /** {@code [[1700000000,"1.5"],...]} as {@code 1700000000=1.5}. */
  private static List<String> points(JsonNode values) {
    List<String> points = new ArrayList<>();
    values.forEach(p -> points.add(p.get(0).asLong() + "=" + p.get(1).asText()));
    return points;
  }
}
