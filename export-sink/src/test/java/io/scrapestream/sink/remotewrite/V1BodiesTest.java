package io.scrapestream.sink.remotewrite;

import static io.scrapestream.sink.ScrapeBatchBuilder.batch;
import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.schemas.v1.BucketSpan;
import io.scrapestream.schemas.v1.NativeHistogram;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import io.scrapestream.sink.series.FlatBatch;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xerial.snappy.Snappy;

class V1BodiesTest {
  private final V1Bodies bodies = new V1Bodies();

  @Test
  void shouldWriteTheConvertedRequestWhenBatchesHoldFloatsOnly() throws IOException {
    List<ScrapeBatch> batches =
        List.of(batch("t1", 1000).sample(1.5, "job", "j", "__name__", "up").build());

    WriteRequestWriter.Body body = bodies.body(flat(batches), true, false);

    assertThat(Snappy.uncompress(body.snappy()))
        .isEqualTo(WriteRequestConverter.convert(batches, true, false).request().toByteArray());
    assertThat(body.samples()).isEqualTo(1);
  }

  @Test
  void shouldFallBackToTheConverterWhenABatchHoldsANativeHistogram() throws IOException {
    List<ScrapeBatch> batches =
        List.of(
            batch("t1", 1000)
                .sample(1.5, "__name__", "up")
                .series(
                    Series.newBuilder()
                        .setHistogram(
                            NativeHistogram.newBuilder()
                                .setCountInt(2)
                                .setSum(1.0)
                                .setSchema(0)
                                .addPositiveSpans(BucketSpan.newBuilder().setLength(1))
                                .addPositiveDeltas(2)),
                    "__name__",
                    "rpc")
                .build());

    for (boolean histograms : new boolean[] {false, true}) {
      WriteRequestWriter.Body body = bodies.body(flat(batches), false, histograms);

      assertThat(Snappy.uncompress(body.snappy()))
          .isEqualTo(
              WriteRequestConverter.convert(batches, false, histograms).request().toByteArray());
      assertThat(body.samples()).isEqualTo(histograms ? 2 : 1);
    }
  }

  @Test
  void shouldAnswerAnEmptyBodyWhenNoBatchHoldsASample() {
    WriteRequestWriter.Body body =
        bodies.body(flat(List.of(batch("t1", 1000).build())), false, true);

    assertThat(body.protobufLength()).isZero();
    assertThat(body.snappy()).isEmpty();
    assertThat(body.samples()).isZero();
  }

  private static List<FlatBatch> flat(List<ScrapeBatch> batches) {
    return batches.stream().map(FlatBatch::of).toList();
  }
}
