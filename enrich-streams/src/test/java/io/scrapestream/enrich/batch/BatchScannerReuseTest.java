package io.scrapestream.enrich.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchScannerReuseTest {
  @Test
  void shouldIndexSmallBatchExactlyWhenArraysHeldALargerOne() throws Exception {
    BatchScanner scanner = BatchScanner.reusingIndex();
    scanner.scanNext(batch(3_000, 40));

    IndexedBatch small = scanner.scanNext(batch(2, 3));

    assertThat(small.seriesCount()).isEqualTo(2);
    assertThat(small.symbolCount()).isEqualTo(3);
    assertThat(small.labelRefCount(1)).isEqualTo(2);
    assertThat(List.of(small.labelRef(1, 0), small.labelRef(1, 1))).containsExactly(0, 2);
    assertThat(small.valueBits(1)).isEqualTo(101);
    assertThat(small.symbol(2)).isEqualTo("v2");
    assertThat(small.layoutDigest()).isEqualTo(BatchScanner.scan(batch(2, 3)).layoutDigest());
  }

  @Test
  void shouldIndexNextBatchWhenPreviousOneWasRejected() throws Exception {
    BatchScanner scanner = BatchScanner.reusingIndex();
    byte[] badReference =
        ScrapeBatch.newBuilder()
            .addSymbols("only")
            .addSeries(Series.newBuilder().addAllLabelRefs(List.of(0, 5)))
            .build()
            .toByteArray();
    assertThatThrownBy(() -> scanner.scanNext(badReference))
        .isInstanceOf(BatchFormatException.class)
        .hasMessage("series[0].label_refs[1]: must refer to one of the 1 symbols. Found: 5");

    IndexedBatch next = scanner.scanNext(batch(1, 2));

    assertThat(next.seriesCount()).isEqualTo(1);
    assertThat(List.of(next.labelRef(0, 0), next.labelRef(0, 1))).containsExactly(0, 1);
    assertThat(next.valueBits(0)).isEqualTo(100);
  }

  @Test
  void shouldGrowArraysWhenBatchIsLargerThanTheOneBefore() throws Exception {
    BatchScanner scanner = BatchScanner.reusingIndex();
    scanner.scanNext(batch(1, 2));

    IndexedBatch large = scanner.scanNext(batch(5_000, 60));

    assertThat(large.seriesCount()).isEqualTo(5_000);
    assertThat(large.valueBits(4_999)).isEqualTo(5_099);
    assertThat(large.labelRef(4_999, 1)).isEqualTo(1 + 4_999 % 59);
  }

  /** {@code series} series {@code [0, 1 + s % (symbols - 1)]}, value bits {@code 100 + s}. */
  private static byte[] batch(int series, int symbols) {
    ScrapeBatch.Builder batch = ScrapeBatch.newBuilder();
    for (int i = 0; i < symbols; i++) {
      batch.addSymbols("v" + i);
    }
    for (int s = 0; s < series; s++) {
      batch.addSeries(
          Series.newBuilder()
              .addAllLabelRefs(List.of(0, 1 + s % (symbols - 1)))
              .setValueBits(100 + s));
    }
    return batch.build().toByteArray();
  }
}
