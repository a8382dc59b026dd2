package io.scrapestream.sink.remotewrite;

import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.sink.series.SeriesDecoder;
import java.util.Arrays;
import java.util.List;

/**
 * The label references of a series or exemplar as remote write wants them: mapped to the request's
 * string table, sorted by name, without empty values, checked as {@link SeriesDecoder#labels} does
 * (same messages) but without building strings or maps.
 */
final class SeriesLabels {
  /** The series index that stands for an exemplar's labels, which need no {@code __name__}. */
  static final int EXEMPLAR = -1;

  private SeriesLabels() {}

  /**
   * The request references (name, value, ...) of {@code labelRefs} of the interner's current batch.
   *
   * @param seriesIndex the series' index in the batch, for errors; a series must have {@code
   *     __name__}, an exemplar ({@link #EXEMPLAR}) need not
   */
  static int[] sorted(
      ScrapeBatch batch, List<Integer> labelRefs, SymbolInterner interner, int seriesIndex) {
    int size = labelRefs.size();
    if (size % 2 != 0) {
      throw SeriesDecoder.invalid(
          batch, "label_refs: must hold name/value pairs. Found: " + size + " references");
    }
    String[] names = new String[size / 2];
    int[] pairs = new int[size];
    for (int i = 0; i < size; i += 2) {
      insert(batch, labelRefs.get(i), labelRefs.get(i + 1), names, pairs, i / 2);
    }
    int kept = keepNonEmpty(batch, names, pairs, interner);
    if (seriesIndex != EXEMPLAR && !hasName(names, pairs, kept)) {
      throw SeriesDecoder.invalid(
          batch,
          "series "
              + seriesIndex
              + ": labels must include __name__. Found: "
              + SeriesDecoder.labels(batch, labelRefs));
    }
    return kept * 2 == size ? pairs : Arrays.copyOf(pairs, kept * 2);
  }

  /**
   * Moves the pairs with a value to the front, mapped to request references, and returns how many
   * there are; {@code names} is compacted alike.
   */
  private static int keepNonEmpty(
      ScrapeBatch batch, String[] names, int[] pairs, SymbolInterner interner) {
    int kept = 0;
    for (int p = 0; p < names.length; p++) {
      if (!batch.getSymbols(pairs[2 * p + 1]).isEmpty()) {
        names[kept] = names[p];
        pairs[2 * kept] = interner.ref(pairs[2 * p]);
        pairs[2 * kept + 1] = interner.ref(pairs[2 * p + 1]);
        kept++;
      }
    }
    return kept;
  }

  private static boolean hasName(String[] names, int[] pairs, int kept) {
    for (int p = 0; p < kept; p++) {
      if (names[p].equals(WriteRequestConverter.METRIC_NAME)) {
        return true;
      }
    }
    return false;
  }

  /** Insertion sort by name of pair {@code count} into the pairs before it; usually in place. */
  private static void insert(
      ScrapeBatch batch, int nameRef, int valueRef, String[] names, int[] pairs, int count) {
    String name = SeriesDecoder.symbol(batch, nameRef);
    String value = SeriesDecoder.symbol(batch, valueRef);
    if (name.isEmpty()) {
      throw SeriesDecoder.invalid(batch, "label name: must not be empty. Found value: " + value);
    }
    int at = count;
    while (at > 0) {
      int order = SeriesDecoder.LABEL_NAME_ORDER.compare(names[at - 1], name);
      if (order == 0) {
        throw SeriesDecoder.invalid(
            batch, "label name: must not repeat in a series. Found twice: " + name);
      }
      if (order < 0) {
        break;
      }
      names[at] = names[at - 1];
      pairs[2 * at] = pairs[2 * at - 2];
      pairs[2 * at + 1] = pairs[2 * at - 1];
      at--;
    }
    names[at] = name;
    pairs[2 * at] = nameRef;
    pairs[2 * at + 1] = valueRef;
  }
}
