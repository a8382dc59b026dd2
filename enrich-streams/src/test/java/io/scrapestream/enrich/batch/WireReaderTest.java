package io.scrapestream.enrich.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.InvalidProtocolBufferException;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireReaderTest {
  @Test
  void shouldReadEveryReferenceWhenVarintsTakeOneTwoAndThreeBytes() throws Exception {
    List<String> symbols = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      symbols.add("s" + i);
    }
    List<Integer> refs = List.of(0, 127, 128, 300, 16_383, 16_384, 19_999, 5);
    byte[] bytes =
        ScrapeBatch.newBuilder()
            .addAllSymbols(symbols)
            .addSeries(Series.newBuilder().addAllLabelRefs(refs).setValueBits(9))
            .addSeries(Series.newBuilder().addAllLabelRefs(List.of(16_383, 128)))
            .build()
            .toByteArray();

    IndexedBatch batch = BatchScanner.scan(bytes);

    List<Integer> read = new ArrayList<>();
    for (int i = 0; i < batch.labelRefCount(0); i++) {
      read.add(batch.labelRef(0, i));
    }
    assertThat(read).isEqualTo(refs);
    assertThat(batch.labelRef(1, 0)).isEqualTo(16_383);
    assertThat(batch.labelRef(1, 1)).isEqualTo(128);
    assertThat(batch.valueBits(0)).isEqualTo(9);
    assertThat(batch.symbolLength(19_999)).isEqualTo(6);
  }

  @Test
  void shouldRejectSeriesWhenATwoByteReferenceRunsPastItsPackedField() {
    byte[] bytes = {
      0x1a, 0x00, 0x22, 0x04, 0x0a, 0x01, (byte) 0x80, 0x01,
    };

    assertThatThrownBy(() -> BatchScanner.scan(bytes))
        .isInstanceOf(InvalidProtocolBufferException.class)
        .hasMessage("packed label_refs ending at byte 7 has a field running to byte 8");
  }

  @Test
  void shouldReadTwoByteLengthWhenSymbolIsLongerThan127Bytes() throws Exception {
    String longSymbol = "v".repeat(300);
    byte[] bytes =
        ScrapeBatch.newBuilder()
            .addAllSymbols(List.of("", longSymbol))
            .addSeries(Series.newBuilder().addAllLabelRefs(List.of(1, 1)))
            .build()
            .toByteArray();

    IndexedBatch batch = BatchScanner.scan(bytes);

    assertThat(batch.symbolLength(1)).isEqualTo(300);
    assertThat(batch.symbolOffset(1)).isEqualTo(5);
  }

  @Test
  void shouldIndexEverySeriesWhenBatchHasMoreSeriesAndReferencesThanItsSizeSuggests()
      throws Exception {
    ScrapeBatch.Builder builder = ScrapeBatch.newBuilder().addAllSymbols(List.of("", "a", "b"));
    for (int i = 0; i < 3_000; i++) {
      builder.addSeries(Series.newBuilder().addAllLabelRefs(List.of(1, 2, 1, 2, 1, 2, 2, 1)));
    }
    byte[] bytes = builder.build().toByteArray();

    IndexedBatch batch = BatchScanner.scan(bytes);

    assertThat(bytes.length).isEqualTo(36_008);
    assertThat(batch.seriesCount()).isEqualTo(3_000);
    assertThat(batch.labelRefCount(2_999)).isEqualTo(8);
    assertThat(batch.labelRef(2_999, 6)).isEqualTo(2);
    assertThat(batch.labelRef(2_999, 7)).isEqualTo(1);
    assertThat(batch.valueBits(2_999)).isZero();
  }
}
