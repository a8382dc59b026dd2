package io.scrapestream.enrich.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayoutDigestTest {
  private static final List<String> SYMBOLS = List.of("__name__", "a", "path", "/x", "/y");

  @Test
  void shouldGiveEqualDigestsWhenOnlyValuesAndTimestampDiffer() throws Exception {
    long first = digest(batch(1, SYMBOLS, List.of(0, 1, 2, 3), List.of(0, 1, 2, 4), 1.0));
    long second = digest(batch(2, SYMBOLS, List.of(0, 1, 2, 3), List.of(0, 1, 2, 4), 7.5));

    assertThat(second).isEqualTo(first);
  }

  @Test
  void shouldGiveAnotherDigestWhenSymbolOfSameLengthChanges() throws Exception {
    List<String> other = List.of("__name__", "a", "path", "/x", "/z");
    long first = digest(batch(1, SYMBOLS, List.of(0, 1, 2, 3), List.of(0, 1, 2, 4), 1.0));
    long second = digest(batch(1, other, List.of(0, 1, 2, 3), List.of(0, 1, 2, 4), 1.0));

    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void shouldGiveAnotherDigestWhenSeriesReferToOtherSymbols() throws Exception {
    long first = digest(batch(1, SYMBOLS, List.of(0, 1, 2, 3), List.of(0, 1, 2, 4), 1.0));
    long swapped = digest(batch(1, SYMBOLS, List.of(0, 1, 2, 4), List.of(0, 1, 2, 3), 1.0));
    long one = digest(batch(1, SYMBOLS, List.of(0, 1, 2, 3), List.of(), 1.0));

    assertThat(List.of(swapped, one)).doesNotContain(first);
    assertThat(swapped).isNotEqualTo(one);
  }

  @Test
  void shouldGiveAnotherDigestWhenReferencesMoveBetweenSeries() throws Exception {
    long first = digest(batch(1, SYMBOLS, List.of(0, 1, 2, 3), List.of(0, 1), 1.0));
    long moved = digest(batch(1, SYMBOLS, List.of(0, 1), List.of(0, 1, 2, 3), 1.0));

    assertThat(moved).isNotEqualTo(first);
  }

  @Test
  void shouldHashEveryIntWhenCountIsNotAMultipleOfEight() {
    int[] values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    List<Long> changed = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      values[i]++;
      changed.add(LayoutDigest.ints(values, 11));
      values[i]--;
    }

    assertThat(changed).doesNotContain(LayoutDigest.ints(values, 11)).doesNotHaveDuplicates();
    assertThat(LayoutDigest.ints(values, 10)).isNotEqualTo(LayoutDigest.ints(values, 11));
  }

  @Test
  void shouldHashEveryByteWhenRangeHasFullLanesAndATail() {
    byte[] bytes = new byte[75];
    long all = LayoutDigest.bytes(bytes, 1, 75);
    List<Long> changed = new ArrayList<>();
    for (int i : new int[] {1, 9, 17, 25, 33, 64, 65, 74}) {
      bytes[i] = 1;
      changed.add(LayoutDigest.bytes(bytes, 1, 75));
      bytes[i] = 0;
    }

    assertThat(changed).doesNotContain(all).doesNotHaveDuplicates();
    assertThat(LayoutDigest.bytes(bytes, 1, 74)).isNotEqualTo(all);
    assertThat(LayoutDigest.bytes(bytes, 1, 75)).isEqualTo(all);
  }

  private static long digest(byte[] bytes) throws Exception {
    return BatchScanner.scan(bytes).layoutDigest();
  }

  private static byte[] batch(
      long timestampMs, List<String> symbols, List<Integer> first, List<Integer> second, double v) {
    ScrapeBatch.Builder batch = ScrapeBatch.newBuilder().setTimestampMs(timestampMs);
    batch.addAllSymbols(symbols);
    batch.addSeries(
        Series.newBuilder().addAllLabelRefs(first).setValueBits(Double.doubleToRawLongBits(v)));
    if (!second.isEmpty()) {
      batch.addSeries(Series.newBuilder().addAllLabelRefs(second).setValueBits(7));
    }
    return batch.build().toByteArray();
  }
}
