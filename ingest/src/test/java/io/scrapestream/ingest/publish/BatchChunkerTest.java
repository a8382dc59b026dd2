package io.scrapestream.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scrapestream.core.batch.BatchRecords;
import io.scrapestream.core.batch.SymbolTable;
import io.scrapestream.schemas.v1.Chunk;
import io.scrapestream.schemas.v1.MetricFamilyMetadata;
import io.scrapestream.schemas.v1.MetricType;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.ScrapeReport;
import io.scrapestream.schemas.v1.Series;
import io.scrapestream.schemas.v1.Target;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchChunkerTest {
  private static final String A = "a".repeat(100);
  private static final String B = "b".repeat(100);
  private static final String C = "c".repeat(100);
  private static final String D = "d".repeat(100);
  private static final ScrapeReport REPORT =
      ScrapeReport.newBuilder().setUp(true).setSamplesScraped(4).setScraperId("s-0").build();

  @Test
  void shouldKeepBatchWholeWhenItFitsTheBound() {
    ScrapeBatch batch = batch();

    assertThat(new BatchChunker(batch.getSerializedSize()).split(batch, 1)).containsExactly(batch);
  }

  @Test
  void shouldSplitWithOwnSymbolsAndTailInLastChunkWhenBatchExceedsBound() {
    List<ScrapeBatch> chunks = new BatchChunker(350).split(batch(), 1);

    assertThat(chunks).hasSize(3);
    assertThat(chunks).allSatisfy(c -> assertThat(c.getSerializedSize()).isLessThanOrEqualTo(350));
    assertThat(chunks)
        .extracting(ScrapeBatch::getChunk)
        .containsExactly(chunk(0, 3), chunk(1, 3), chunk(2, 3));
    assertThat(chunks)
        .allSatisfy(
            c -> {
              assertThat(c.getTarget()).isEqualTo(batch().getTarget());
              assertThat(c.getTimestampMs()).isEqualTo(1_700_000_000_000L);
            });
    assertThat(chunks.get(0).getSymbolsList()).containsExactly("", "__name__", "m", "v", A, B);
    assertThat(labels(chunks.get(0)))
        .containsExactly(Map.of("__name__", "m", "v", A), Map.of("__name__", "m", "v", B));
    assertThat(chunks.get(1).getSymbolsList())
        .containsExactly("", "__name__", "m", "v", C, D, "the help");
    assertThat(labels(chunks.get(1)))
        .containsExactly(Map.of("__name__", "m", "v", C), Map.of("__name__", "m", "v", D));
    assertThat(chunks.get(1).getMetadataList())
        .containsExactly(
            MetricFamilyMetadata.newBuilder()
                .setNameRef(2)
                .setType(MetricType.METRIC_TYPE_GAUGE)
                .setHelpRef(6)
                .setUnitRef(0)
                .build());
    assertThat(chunks.get(2).getSymbolsList()).containsExactly("", "__name__", "up");
    assertThat(labels(chunks.get(2))).containsExactly(Map.of("__name__", "up"));
    assertThat(chunks.get(2).getReport()).isEqualTo(REPORT);
    assertThat(chunks.get(0).hasReport()).isFalse();
    assertThat(chunks.get(1).hasReport()).isFalse();
  }

  @Test
  void shouldSendSeriesAloneWhenItExceedsBoundByItself() {
    List<ScrapeBatch> chunks = new BatchChunker(150).split(batch(), 1);

    assertThat(chunks).extracting(ScrapeBatch::getSeriesCount).containsExactly(1, 1, 1, 1, 1);
    assertThat(chunks.get(3).getSerializedSize()).isGreaterThan(150);
    assertThat(labels(chunks.get(3))).containsExactly(Map.of("__name__", "m", "v", D));
    assertThat(chunks.get(3).getMetadataCount()).isZero();
    assertThat(chunks.get(4).getMetadataCount()).isEqualTo(1);
    assertThat(labels(chunks.get(4))).containsExactly(Map.of("__name__", "up"));
    assertThat(chunks.get(4).getSerializedSize()).isLessThanOrEqualTo(150);
  }

  @Test
  void shouldRefuseChunkerWhenBoundIsBelowOneByte() {
    assertThatThrownBy(() -> new BatchChunker(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxBatchBytes must be >= 1. Found: 0");
  }

  private static ScrapeBatch batch() {
    SymbolTable symbols = new SymbolTable();
    ScrapeBatch.Builder batch =
        ScrapeBatch.newBuilder()
            .setTarget(Target.newBuilder().setKey("00000000000000aa").setJob("j"))
            .setTimestampMs(1_700_000_000_000L)
            .setReport(REPORT);
    for (String value : List.of(A, B, C, D)) {
      batch.addSeries(series(symbols, "__name__", "m", "v", value));
    }
    batch.addSeries(series(symbols, "__name__", "up"));
    batch.addMetadata(
        MetricFamilyMetadata.newBuilder()
            .setNameRef(symbols.ref("m"))
            .setType(MetricType.METRIC_TYPE_GAUGE)
            .setHelpRef(symbols.ref("the help"))
            .setUnitRef(symbols.ref("")));
    return batch.addAllSymbols(symbols.symbols()).build();
  }

  private static Series series(SymbolTable symbols, String... labels) {
    Series.Builder series = Series.newBuilder().setValueBits(Double.doubleToRawLongBits(1.0));
    for (String text : labels) {
      series.addLabelRefs(symbols.ref(text));
    }
    return series.build();
  }

  private static Chunk chunk(int index, int count) {
    return Chunk.newBuilder().setIndex(index).setCount(count).build();
  }

  private static List<Map<String, String>> labels(ScrapeBatch batch) {
    return batch.getSeriesList().stream()
        .<Map<String, String>>map(s -> BatchRecords.labels(batch, s))
        .toList();
  }
}
