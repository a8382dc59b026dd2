package io.scrapestream.enrich.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.InvalidProtocolBufferException;
import io.scrapestream.enrich.Batches;
import io.scrapestream.schemas.v1.Attribute;
import io.scrapestream.schemas.v1.Exemplar;
import io.scrapestream.schemas.v1.NativeHistogram;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchEncoderTest {
  private static final ScrapeBatch BATCH =
      ScrapeBatch.newBuilder()
          .setTimestampMs(5_000)
          .addAllSymbols(List.of("", "__name__", "h", "job", "x", "trace_id", "abc", "zone", "b"))
          .addSeries(
              Series.newBuilder()
                  .addAllLabelRefs(List.of(1, 2, 3, 4))
                  .setTimestampMs(4_000)
                  .setHistogram(
                      NativeHistogram.newBuilder().setCountInt(7).setSum(1.5).setSchema(3))
                  .addExemplars(
                      Exemplar.newBuilder().addAllLabelRefs(List.of(5, 6)).setValueBits(42)))
          .addSeries(
              Series.newBuilder()
                  .addAllLabelRefs(List.of(1, 8, 7, 4))
                  .setValueBits(Double.doubleToRawLongBits(2)))
          .build();

  @Test
  void shouldKeepOriginalBytesAndAppendSymbolsSeriesAndAttributesWhenStagesAddThem()
      throws Exception {
    IndexedBatch batch = BatchScanner.scan(BATCH.toByteArray());
    int name = batch.appendSymbol("__name__");
    int up = batch.appendSymbol("up");
    batch.appendSeries(new int[] {name, up}, 0x7ff0000000000002L);
    batch.addResourceAttribute("k8s.pod.name", "web-1");

    byte[] out = BatchEncoder.encode(batch);

    assertThat(Arrays.copyOf(out, BATCH.getSerializedSize())).isEqualTo(BATCH.toByteArray());
    ScrapeBatch decoded = ScrapeBatch.parseFrom(out);
    assertThat(decoded)
        .isEqualTo(
            BATCH.toBuilder()
                .addSymbols("__name__")
                .addSymbols("up")
                .addSeries(
                    Series.newBuilder()
                        .addAllLabelRefs(List.of(9, 10))
                        .setValueBits(0x7ff0000000000002L))
                .addResourceAttributes(
                    Attribute.newBuilder().setKey("k8s.pod.name").setValue("web-1"))
                .build());
  }

  @Test
  void shouldMergeLabelsInByteOrderAndKeepEveryOtherFieldWhenEverySeriesGetsLabels()
      throws Exception {
    IndexedBatch batch = BatchScanner.scan(BATCH.toByteArray());
    batch.addLabelToEverySeries("zone", "eu");
    batch.addLabelToEverySeries("a", "1");
    batch.addLabelToEverySeries("k", "2");

    ScrapeBatch decoded = ScrapeBatch.parseFrom(BatchEncoder.encode(batch));

    assertThat(Batches.lines(decoded))
        .containsExactly(
            "h{a=\"1\",job=\"x\",k=\"2\",zone=\"eu\"} 0", "b{a=\"1\",k=\"2\",zone=\"x\"} 2");
    assertThat(decoded.getSeries(0).getHistogram()).isEqualTo(BATCH.getSeries(0).getHistogram());
    assertThat(decoded.getSeries(0).getExemplarsList())
        .isEqualTo(BATCH.getSeries(0).getExemplarsList());
    assertThat(decoded.getSeries(0).getTimestampMs()).isEqualTo(4_000);
    assertThat(decoded.getSeries(1).getValueBits()).isEqualTo(Double.doubleToRawLongBits(2));
    assertThat(decoded.getSymbolsList().subList(0, 9)).isEqualTo(BATCH.getSymbolsList());
  }

  @Test
  void shouldReadPackedAndUnpackedReferencesAlikeWhenScanning() throws Exception {
    byte[] unpacked = {
      0x1a, 0x00, 0x1a, 0x01, 'a', 0x22, 0x0d, 0x08, 0x01, 0x08, 0x00, 0x11, 1, 0, 0, 0, 0, 0, 0, 0
    };

    IndexedBatch batch = BatchScanner.scan(unpacked);

    assertThat(batch.labelRefCount(0)).isEqualTo(2);
    assertThat(batch.labelRef(0, 0)).isEqualTo(1);
    assertThat(batch.labelRef(0, 1)).isEqualTo(0);
    assertThat(batch.valueBits(0)).isEqualTo(1);
  }

  @Test
  void shouldSkipAndKeepUnknownFieldsWhenBatchHasFieldsFromANewerSchema() throws Exception {
    com.google.protobuf.UnknownFieldSet unknown =
        com.google.protobuf.UnknownFieldSet.newBuilder()
            .addField(
                90, com.google.protobuf.UnknownFieldSet.Field.newBuilder().addFixed32(7).build())
            .addField(
                91, com.google.protobuf.UnknownFieldSet.Field.newBuilder().addVarint(-1).build())
            .addField(
                92, com.google.protobuf.UnknownFieldSet.Field.newBuilder().addFixed64(3).build())
            .build();
    ScrapeBatch newer = BATCH.toBuilder().setUnknownFields(unknown).build();
    IndexedBatch batch = BatchScanner.scan(newer.toByteArray());
    batch.addResourceAttribute("a", "b");

    ScrapeBatch decoded = ScrapeBatch.parseFrom(BatchEncoder.encode(batch));

    assertThat(decoded.getUnknownFields()).isEqualTo(unknown);
    assertThat(decoded.getSeriesList()).isEqualTo(BATCH.getSeriesList());
    assertThat(batch.originalSeriesCount()).isEqualTo(2);
  }

  @Test
  void shouldRejectBatchWithExactMessageWhenReferencesAreOdd() {
    byte[] odd =
        ScrapeBatch.newBuilder()
            .addSymbols("")
            .addSeries(Series.newBuilder().addLabelRefs(0))
            .addSeries(Series.newBuilder().addAllLabelRefs(List.of(0, 0, 0)))
            .build()
            .toByteArray();

    assertThatThrownBy(() -> BatchScanner.scan(odd))
        .isInstanceOf(BatchFormatException.class)
        .hasMessage("series[0].label_refs: must hold name/value pairs. Found: 1 references");
  }

  @Test
  void shouldRejectSymbolWhenItIsNotUtf8() {
    byte[] bad = {0x1a, 0x02, (byte) 0xc3, 0x28};

    assertThatThrownBy(() -> BatchScanner.scan(bad))
        .isInstanceOf(BatchFormatException.class)
        .hasMessage("symbols[0]: must be valid UTF-8. Found: invalid bytes");
  }

  @Test
  void shouldRejectBytesWhenTheyAreNotProtobuf() {
    assertThatThrownBy(() -> BatchScanner.scan(new byte[] {0x22, 0x05, 0x08}))
        .isInstanceOf(InvalidProtocolBufferException.class)
        .hasMessage("length-delimited field at byte 1 declares 5 bytes; 1 remain");
    assertThatThrownBy(() -> BatchScanner.scan(new byte[] {0x22, 0x02, 0x0a, 0x05}))
        .isInstanceOf(InvalidProtocolBufferException.class)
        .hasMessage("length-delimited field at byte 3 declares 5 bytes; 0 remain");
    assertThatThrownBy(() -> BatchScanner.scan(new byte[] {0x22, 0x03, 0x0a, 0x02, 0x01, 0x01}))
        .isInstanceOf(InvalidProtocolBufferException.class)
        .hasMessage("series ending at byte 5 has a field running to byte 6");
  }
}
