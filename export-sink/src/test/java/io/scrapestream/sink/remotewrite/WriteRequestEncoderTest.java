package io.scrapestream.sink.remotewrite;

import static io.scrapestream.sink.ScrapeBatchBuilder.STALE_MARKER;
import static io.scrapestream.sink.ScrapeBatchBuilder.batch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scrapestream.schemas.v1.BucketSpan;
import io.scrapestream.schemas.v1.Exemplar;
import io.scrapestream.schemas.v1.MetricType;
import io.scrapestream.schemas.v1.NativeHistogram;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import io.scrapestream.sink.ScrapeBatchBuilder;
import io.scrapestream.sink.series.InvalidBatchException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exporter's direct encoding gives protobuf-java's bytes of the converted request. */
class WriteRequestEncoderTest {

  @Test
  void shouldWriteProtobufBytesOfConvertedRequestWhenBatchesMixEverything() {
    List<ScrapeBatch> batches = everything();

    for (boolean metadata : new boolean[] {false, true}) {
      for (boolean histograms : new boolean[] {false, true}) {
        WriteRequestConverter.Encoded encoded =
            WriteRequestConverter.encode(batches, metadata, histograms);
        WriteRequestConverter.Conversion converted =
            WriteRequestConverter.convert(batches, metadata, histograms);

        assertThat(encoded.protobuf()).isEqualTo(converted.request().toByteArray());
        assertThat(encoded.samples()).isEqualTo(converted.samples());
      }
    }
  }

  /**
   * Unsorted labels, an empty value, UTF-8, a stale marker, a merged series, exemplars, a
   * histogram.
   */
  private static List<ScrapeBatch> everything() {
    ScrapeBatchBuilder exemplars = batch("t1", 2000);
    return List.of(
        batch("t1", 3000)
            .sample(2.0, "job", "j", "__name__", "up", "zone", "é-1")
            .sampleBits(STALE_MARKER, "__name__", "gone", "empty", "")
            .metadata("up", MetricType.METRIC_TYPE_GAUGE, "Up.", "")
            .build(),
        exemplars
            .sample(1.0, "__name__", "up", "job", "j", "zone", "é-1")
            .series(
                Series.newBuilder()
                    .setValueBits(Double.doubleToRawLongBits(0.5))
                    .addExemplars(
                        Exemplar.newBuilder()
                            .addAllLabelRefs(exemplars.refs("trace_id", "t-1"))
                            .setValueBits(Double.doubleToRawLongBits(0.4))
                            .setTimestampMs(1999)),
                "__name__",
                "rpc_bucket",
                "le",
                "+Inf")
            .series(
                Series.newBuilder()
                    .setHistogram(
                        NativeHistogram.newBuilder()
                            .setCountInt(3)
                            .setSum(1.5)
                            .setSchema(1)
                            .addPositiveSpans(BucketSpan.newBuilder().setOffset(0).setLength(2))
                            .addPositiveDeltas(1)
                            .addPositiveDeltas(1)),
                "__name__",
                "rpc")
            .build());
  }

  @Test
  void shouldWriteNothingWhenBatchesHoldNoSample() {
    WriteRequestConverter.Encoded encoded =
        WriteRequestConverter.encode(List.of(batch("t1", 1000).build()), true, true);

    assertThat(encoded.protobuf()).isEmpty();
    assertThat(encoded.samples()).isZero();
  }

  @Test
  void shouldRejectLikeConvertWhenBatchIsInvalid() {
    List<ScrapeBatch> batches = List.of(batch("t9", 1000).sample(1.0, "job", "j").build());

    assertThatThrownBy(() -> WriteRequestConverter.encode(batches, false, false))
        .isInstanceOf(InvalidBatchException.class)
        .hasMessage(
            "invalid batch of target 't9': series 0: labels must include __name__. Found:"
                + " {job=j}");
  }
}
