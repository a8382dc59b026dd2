package io.scrapestream.sink.elasticsearch;

import static io.scrapestream.sink.ScrapeBatchBuilder.STALE_MARKER;
import static io.scrapestream.sink.ScrapeBatchBuilder.batch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scrapestream.schemas.v1.NativeHistogram;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import io.scrapestream.sink.DropReason;
import io.scrapestream.sink.series.InvalidBatchException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class BulkDocumentsTest {
  private static final String UP_ID = "cdb0bb166a619404fc1744a2582694b1";
  private static final String LATE_ID = "55f3bcc68082748a2664c6c496253e05";

  @Test
  void shouldWriteCreateActionAndSourceLinesWhenSamplesAreFinite() {
    ScrapeBatch scrape =
        batch("t1", 1_700_000_000_123L)
            .resource("k8s.pod.name", "p1")
            .resource("k8s.namespace.name", "ns")
            .sample(1, "__name__", "up", "job", "node", "instance", "h:1")
            .sampleAt(5, -2.5e-3, "__name__", "late", "job", "node")
            .build();

    BulkDocuments.Encoded encoded = BulkDocuments.encode(List.of(scrape), "metrics", true);

    assertThat(new String(BulkDocuments.body(encoded.documents()), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"create\":{\"_index\":\"metrics\",\"_id\":\""
                + UP_ID
                + "\"}}\n"
                + "{\"@timestamp\":\"2023-11-14T22:13:20.123Z\",\"metric\":{\"name\":\"up\"},"
                + "\"labels\":{\"instance\":\"h:1\",\"job\":\"node\"},\"value\":1.0,"
                + "\"resource\":{\"attributes\":{\"k8s.namespace.name\":\"ns\","
                + "\"k8s.pod.name\":\"p1\"}}}\n"
                + "{\"create\":{\"_index\":\"metrics\",\"_id\":\""
                + LATE_ID
                + "\"}}\n"
                + "{\"@timestamp\":\"1970-01-01T00:00:00.005Z\",\"metric\":{\"name\":\"late\"},"
                + "\"labels\":{\"job\":\"node\"},\"value\":-0.0025,"
                + "\"resource\":{\"attributes\":{\"k8s.namespace.name\":\"ns\","
                + "\"k8s.pod.name\":\"p1\"}}}\n");
    assertThat(encoded.documents())
        .extracting(BulkDocuments.Document::batchIndex, BulkDocuments.Document::id)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, UP_ID),
            org.assertj.core.groups.Tuple.tuple(0, LATE_ID));
    assertThat(encoded.dropped()).isEmpty();
  }

  @Test
  void shouldLeaveIdAndResourceOutWhenClusterChoosesIdsAndBatchHasNoResource() {
    ScrapeBatch scrape = batch("t1", 0).sample(3, "__name__", "m").build();

    BulkDocuments.Encoded encoded = BulkDocuments.encode(List.of(scrape), "idx", false);

    assertThat(encoded.documents().get(0).ndjson())
        .isEqualTo(
            "{\"create\":{\"_index\":\"idx\"}}\n"
                + "{\"@timestamp\":\"1970-01-01T00:00:00.000Z\",\"metric\":{\"name\":\"m\"},"
                + "\"labels\":{},\"value\":3.0}\n");
    assertThat(encoded.documents().get(0).id()).isEmpty();
  }

  @Test
  void shouldSkipAndCountSamplesWhenStaleNonFiniteOrNativeHistogram() {
    ScrapeBatch first =
        batch("t1", 1000)
            .sampleBits(STALE_MARKER, "__name__", "a")
            .sample(Double.NaN, "__name__", "b")
            .sample(Double.POSITIVE_INFINITY, "__name__", "c")
            .build();
    ScrapeBatch second =
        batch("t2", 1000)
            .series(Series.newBuilder().setHistogram(NativeHistogram.newBuilder()), "__name__", "h")
            .sample(Double.NEGATIVE_INFINITY, "__name__", "d")
            .sample(7, "__name__", "kept")
            .build();

    BulkDocuments.Encoded encoded = BulkDocuments.encode(List.of(first, second), "idx", true);

    assertThat(encoded.documents())
        .extracting(BulkDocuments.Document::batchIndex)
        .containsExactly(1);
    assertThat(encoded.dropped())
        .containsExactly(
            Map.entry(DropReason.STALE_MARKER, 1L),
            Map.entry(DropReason.NON_FINITE, 3L),
            Map.entry(DropReason.NATIVE_HISTOGRAM, 1L));
  }

  @Test
  void shouldChangeIdWhenLabelOrTimestampChanges() {
    TreeMap<String, String> labels = new TreeMap<>(Map.of("__name__", "up", "job", "node"));
    String id = BulkDocuments.documentId(labels, 1000);

    assertThat(id).hasSize(32).matches("[0-9a-f]{32}");
    assertThat(BulkDocuments.documentId(new TreeMap<>(labels), 1000)).isEqualTo(id);
    assertThat(BulkDocuments.documentId(labels, 1001)).isNotEqualTo(id);
    assertThat(
            BulkDocuments.documentId(new TreeMap<>(Map.of("__name__", "up", "job", "nod")), 1000))
        .isNotEqualTo(id);
    assertThat(
            BulkDocuments.documentId(new TreeMap<>(Map.of("__name__", "upj", "ob", "node")), 1000))
        .isNotEqualTo(id);
  }

  @Test
  void shouldRejectBatchWhenSeriesHasNoName() {
    ScrapeBatch nameless = batch("t9", 1000).sample(1, "job", "j").build();

    assertThatThrownBy(() -> BulkDocuments.encode(List.of(nameless), "idx", true))
        .isInstanceOf(InvalidBatchException.class)
        .hasMessage(
            "invalid batch of target 't9': series 0: labels must include __name__. Found: {job=j}");
  }
}
