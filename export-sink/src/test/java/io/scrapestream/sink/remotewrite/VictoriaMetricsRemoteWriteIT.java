package io.scrapestream.sink.remotewrite;

import static io.scrapestream.sink.ScrapeBatchBuilder.STALE_MARKER;
import static io.scrapestream.sink.ScrapeBatchBuilder.batch;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.sink.ExportOutcome;
import io.scrapestream.testsupport.victoriametrics.VictoriaMetricsServer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Remote write into a real VictoriaMetrics 1.79 (Debian package), read back through its export and
 * query APIs. VictoriaMetrics 1.79 has no remote write 2.0: it reads a 2.0 message as an empty 1.0
 * one and answers 204 without the written headers, so a 2.0 exporter falls back to 1.0.
 */
@Timeout(120)
class VictoriaMetricsRemoteWriteIT {
  @RegisterExtension static final VictoriaMetricsServer VM = new VictoriaMetricsServer();

  private static final Instant T0 = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.SECONDS);
  private static final Instant T1 = T0.plusSeconds(15);

  @Test
  void shouldStoreExactValuesAndLabelsWhenWrittenAs1() {
    List<ScrapeBatch> batches =
        List.of(
            batch("vm-a", T0.toEpochMilli())
                .sample(1.5, "job", "it", "env", "", "instance", "a:1", "__name__", "ss_vm_value")
                .build(),
            batch("vm-a", T1.toEpochMilli())
                .sample(0.1, "__name__", "ss_vm_value", "instance", "a:1", "job", "it")
                .build());

    assertThat(exporter(RemoteWriteVersion.V1).export(batches))
        .isEqualTo(new ExportOutcome.Success(2));

    JsonNode series = awaitExport("ss_vm_value");
    assertThat(series.get("metric").toString())
        .isEqualTo("{\"__name__\":\"ss_vm_value\",\"job\":\"it\",\"instance\":\"a:1\"}");
    assertThat(series.get("values").toString()).isEqualTo("[1.5,0.1]");
    assertThat(series.get("timestamps").toString())
        .isEqualTo("[" + T0.toEpochMilli() + "," + T1.toEpochMilli() + "]");
  }

  @Test
  void shouldEndSeriesWhenStaleMarkerFollowsValue() {
    List<ScrapeBatch> batches =
        List.of(
            batch("vm-b", T0.toEpochMilli())
                .sample(4.0, "__name__", "ss_vm_stale", "job", "it")
                .build(),
            batch("vm-b", T1.toEpochMilli())
                .sampleBits(STALE_MARKER, "__name__", "ss_vm_stale", "job", "it")
                .build());

    assertThat(exporter(RemoteWriteVersion.V1).export(batches))
        .isEqualTo(new ExportOutcome.Success(2));

    awaitExport("ss_vm_stale");
    JsonNode before = VM.query("ss_vm_stale", T0.plusSeconds(5)).get("result");
    assertThat(before).hasSize(1);
    assertThat(before.get(0).get("value").get(1).asText()).isEqualTo("4");
    assertThat(VM.query("ss_vm_stale", T1.plusSeconds(5)).get("result")).isEmpty();
  }

  @Test
  void shouldFallBackTo1AndStoreSamplesWhenSentVersion2() {
    RemoteWriteExporter exporter = exporter(RemoteWriteVersion.V2);
    List<ScrapeBatch> batches =
        List.of(batch("vm-c", T0.toEpochMilli()).sample(42, "__name__", "ss_vm_v2").build());

    assertThat(exporter.export(batches)).isEqualTo(new ExportOutcome.Success(1));

    assertThat(exporter.version()).isEqualTo(RemoteWriteVersion.V1);
    JsonNode series = awaitExport("ss_vm_v2");
    assertThat(series.get("values").toString()).isEqualTo("[42]");
  }

  private static JsonNode awaitExport(String metric) {
    return Awaitility.await(metric + " searchable in VictoriaMetrics")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              VM.flush();
              List<JsonNode> series = VM.export(metric);
              return series.isEmpty() ? null : series.get(0);
            },
            found -> found != null);
  }

  private static RemoteWriteExporter exporter(RemoteWriteVersion version) {
    return new RemoteWriteExporter(
        new RemoteWriteEndpoint(
            "victoria-metrics",
            VM.remoteWriteUrl(),
            Duration.ofSeconds(30),
            Map.of(),
            false,
            false,
            version));
  }
}
