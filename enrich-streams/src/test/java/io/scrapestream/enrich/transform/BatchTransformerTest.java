package io.scrapestream.enrich.transform;

import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.core.relabel.RelabelRegex;
import io.scrapestream.core.transform.MetricScope;
import io.scrapestream.core.transform.SeriesMatcher;
import io.scrapestream.core.transform.TransformStep;
import io.scrapestream.core.transform.Transformer;
import io.scrapestream.enrich.batch.BatchScanner;
import io.scrapestream.enrich.batch.IndexedBatch;
import io.scrapestream.schemas.v1.Exemplar;
import io.scrapestream.schemas.v1.MetricFamilyMetadata;
import io.scrapestream.schemas.v1.MetricType;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchTransformerTest {
  /** Symbols: 0 "", 1 __name__, 2 req_total, 3 gone, 4 trace_id, 5 abc, 6 req, 7 help, 8 g. */
  private static final ScrapeBatch INPUT =
      ScrapeBatch.newBuilder()
          .addAllSymbols(
              List.of("", "__name__", "req_total", "gone", "trace_id", "abc", "req", "help", "g"))
          .addSeries(
              Series.newBuilder()
                  .addAllLabelRefs(List.of(1, 3))
                  .setValueBits(Double.doubleToRawLongBits(1)))
          .addSeries(
              Series.newBuilder()
                  .addAllLabelRefs(List.of(1, 2))
                  .setValueBits(Double.doubleToRawLongBits(5))
                  .setTimestampMs(1234)
                  .addExemplars(
                      Exemplar.newBuilder()
                          .addAllLabelRefs(List.of(4, 5))
                          .setValueBits(Double.doubleToRawLongBits(0.5))))
          .addMetadata(
              MetricFamilyMetadata.newBuilder()
                  .setNameRef(6)
                  .setType(MetricType.METRIC_TYPE_COUNTER)
                  .setHelpRef(7))
          .addMetadata(MetricFamilyMetadata.newBuilder().setNameRef(3).setHelpRef(8))
          .build();

  @Test
  void shouldCompactSymbolsAndKeepSeriesFieldsAndFamilyMetadataWhenSeriesAreDropped()
      throws Exception {
    BatchTransformer transformer =
        new BatchTransformer(
            new Transformer(
                List.of(
                    new TransformStep.Drop(
                        MetricScope.ALL,
                        new SeriesMatcher(List.of(RelabelRegex.compile("gone")), Map.of())))));
    IndexedBatch batch = BatchScanner.scan(INPUT.toByteArray());

    BatchTransformer.Output output = transformer.transform(batch);

    ScrapeBatch out = ScrapeBatch.parseFrom(output.bytes());
    assertThat(out.getSymbolsList())
        .containsExactly("", "__name__", "req_total", "trace_id", "abc", "req", "help");
    assertThat(out.getSeriesList())
        .containsExactly(
            Series.newBuilder()
                .addAllLabelRefs(List.of(1, 2))
                .setValueBits(Double.doubleToRawLongBits(5))
                .setTimestampMs(1234)
                .addExemplars(
                    Exemplar.newBuilder()
                        .addAllLabelRefs(List.of(3, 4))
                        .setValueBits(Double.doubleToRawLongBits(0.5)))
                .build());
    assertThat(out.getMetadataList())
        .containsExactly(
            MetricFamilyMetadata.newBuilder()
                .setNameRef(5)
                .setType(MetricType.METRIC_TYPE_COUNTER)
                .setHelpRef(6)
                .build());
    assertThat(output.written()).isEqualTo(1);
    assertThat(output.dropped()).isEqualTo(1);
    assertThat(output.limited()).isZero();
    assertThat(batch.originalBytes()).isEqualTo(INPUT.toByteArray());
  }
}
