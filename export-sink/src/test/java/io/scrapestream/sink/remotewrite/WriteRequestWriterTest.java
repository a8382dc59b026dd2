package io.scrapestream.sink.remotewrite;

import static io.scrapestream.sink.ScrapeBatchBuilder.STALE_MARKER;
import static io.scrapestream.sink.ScrapeBatchBuilder.batch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scrapestream.schemas.v1.Exemplar;
import io.scrapestream.schemas.v1.MetricType;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import io.scrapestream.sink.ScrapeBatchBuilder;
import io.scrapestream.sink.series.FlatBatch;
import io.scrapestream.sink.series.InvalidBatchException;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.xerial.snappy.Snappy;

/** The writer's bodies hold protobuf-java's bytes of the converted request. */
class WriteRequestWriterTest {
  private final WriteRequestWriter writer = new WriteRequestWriter();

  @Test
  void shouldWriteProtobufBytesOfConvertedRequestWhenBatchesHoldFloatSamples() throws IOException {
    List<ScrapeBatch> batches = floats();

    for (boolean metadata : new boolean[] {false, true}) {
      WriteRequestWriter.Body body = writer.write(flat(batches), metadata).orElseThrow();
      WriteRequestConverter.Conversion converted =
          WriteRequestConverter.convert(batches, metadata, false);

      byte[] expected = converted.request().toByteArray();
      assertThat(Snappy.uncompress(body.snappy())).isEqualTo(expected);
      assertThat(body.protobufLength()).isEqualTo(expected.length);
      assertThat(body.samples()).isEqualTo(converted.samples()).isEqualTo(7);
    }
  }

  @Test
  void shouldForgetThePreviousStringTableWhenWritingTheNextRequest() throws IOException {
    List<ScrapeBatch> first = List.of(batch("t1", 1000).sample(1.0, "__name__", "a").build());
    List<ScrapeBatch> second =
        List.of(batch("t2", 2000).sample(2.0, "job", "j", "__name__", "b").build());

    writer.write(flat(first), false).orElseThrow();
    WriteRequestWriter.Body body = writer.write(flat(second), false).orElseThrow();

    assertThat(Snappy.uncompress(body.snappy()))
        .isEqualTo(WriteRequestConverter.convert(second, false, false).request().toByteArray());
  }

  @Test
  void shouldLeaveTheRequestToTheConverterWhenABatchHoldsAnExemplar() {
    ScrapeBatchBuilder builder = batch("t1", 1000).sample(1.0, "__name__", "up");
    builder.series(
        Series.newBuilder()
            .setValueBits(Double.doubleToRawLongBits(0.5))
            .addExemplars(
                Exemplar.newBuilder()
                    .addAllLabelRefs(builder.refs("trace_id", "t-1"))
                    .setValueBits(Double.doubleToRawLongBits(0.4))),
        "__name__",
        "rpc_bucket");

    assertThat(writer.write(flat(List.of(builder.build())), false)).isEqualTo(Optional.empty());
  }

  @Test
  void shouldWriteNothingWhenBatchesHoldNoSample() {
    WriteRequestWriter.Body body =
        writer.write(flat(List.of(batch("t1", 1000).build())), true).get();

    assertThat(body.protobufLength()).isZero();
    assertThat(body.samples()).isZero();
  }

  @Test
  void shouldRejectWithTheConvertersMessageWhenASeriesRepeatsALabelName() {
    List<ScrapeBatch> batches =
        List.of(batch("t9", 1000).sample(1.0, "__name__", "up", "job", "a", "job", "b").build());

    assertThatThrownBy(() -> writer.write(flat(batches), false))
        .isInstanceOf(InvalidBatchException.class)
        .hasMessage(
            "invalid batch of target 't9': label name: must not repeat in a series. Found twice:"
                + " job");
    assertThatThrownBy(() -> WriteRequestConverter.convert(batches, false, false))
        .hasMessage(
            "invalid batch of target 't9': label name: must not repeat in a series. Found twice:"
                + " job");
  }

  @Test
  void shouldRejectWithTheConvertersMessageWhenASeriesHasNoName() {
    List<ScrapeBatch> batches =
        List.of(
            batch("t1", 1000)
                .sample(1.0, "__name__", "up")
                .sample(1.0, "__name__", "", "job", "j")
                .build());

    assertThatThrownBy(() -> writer.write(flat(batches), false))
        .isInstanceOf(InvalidBatchException.class)
        .hasMessage(
            "invalid batch of target 't1': series 1: labels must include __name__. Found: {job=j}");
  }

  @Test
  void shouldRejectWithTheConvertersMessageWhenALabelNameIsEmpty() {
    List<ScrapeBatch> batches =
        List.of(batch("t3", 1000).sample(1.0, "__name__", "up", "", "v").build());

    assertThatThrownBy(() -> writer.write(flat(batches), false))
        .isInstanceOf(InvalidBatchException.class)
        .hasMessage("invalid batch of target 't3': label name: must not be empty. Found value: v");
  }

  @Test
  void shouldRejectWithTheConvertersMessageWhenAReferenceIsOutOfTheStringTable() {
    ScrapeBatch bad =
        batch("t4", 1000).build().toBuilder()
            .addSeries(Series.newBuilder().addLabelRefs(0).addLabelRefs(7))
            .build();

    assertThatThrownBy(() -> writer.write(flat(List.of(bad)), false))
        .isInstanceOf(InvalidBatchException.class)
        .hasMessage(
            "invalid batch of target 't4': symbol reference: must be < 1 (the string table size)."
                + " Found: 7");
  }

  /**
   * Unsorted labels, names out of UTF-16 order, an empty value, UTF-8, a stale marker, zero value
   * and timestamp, a series merged from two batches whose samples come out of order.
   */
  private static List<ScrapeBatch> floats() {
    return List.of(
        batch("t1", 3000)
            .sample(
                2.0,
                "job",
                "j",
                "__name__",
                "up",
                "zone",
                "é-1",
                "\uD83D\uDE00",
                "x",
                "\uFF5E",
                "y")
            .sampleBits(STALE_MARKER, "__name__", "gone", "empty", "")
            .sampleAt(0, 0.0, "__name__", "zero")
            .sampleAt(-5, -0.0, "__name__", "negative")
            .metadata("up", MetricType.METRIC_TYPE_GAUGE, "Up.", "")
            .build(),
        batch("t1", 2000)
            .sample(
                1.0,
                "zone",
                "é-1",
                "__name__",
                "up",
                "job",
                "j",
                "\uFF5E",
                "y",
                "\uD83D\uDE00",
                "x")
            .sample(4.0, "__name__", "other", "a", "b")
            .metadata("other", MetricType.METRIC_TYPE_COUNTER, "Other.", "seconds")
            .build(),
        batch("t2", 1000).sample(3.0, "b", "c", "__name__", "up").build());
  }

  private static List<FlatBatch> flat(List<ScrapeBatch> batches) {
    return batches.stream().map(FlatBatch::of).toList();
  }
}
