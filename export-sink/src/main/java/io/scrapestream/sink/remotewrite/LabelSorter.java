package io.scrapestream.sink.remotewrite;

import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.sink.series.FlatBatch;
import io.scrapestream.sink.series.SeriesDecoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The labels of a series as remote write wants them — request references, sorted by name, without
 * empty values, checked with the same messages as {@link SeriesLabels} — without a string or an
 * array per series: each distinct name of the request gets its rank in {@link
 * SeriesDecoder#LABEL_NAME_ORDER} once, and sorting compares ranks. Reused from request to request.
 */
final class LabelSorter {
  private final SymbolInterner symbols;
  private final List<String> names = new ArrayList<>();
  private final List<Integer> nameRefs = new ArrayList<>();
  private int[] rankByRef = new int[64];
  private int[] pairs = new int[32];
  private int metricName;

  LabelSorter(SymbolInterner symbols) {
    this.symbols = symbols;
  }

  /** Starts a request; call after the interner was cleared. */
  void clear() {
    names.clear();
    nameRefs.clear();
    Arrays.fill(rankByRef, -1);
    metricName = symbols.intern(WriteRequestConverter.METRIC_NAME);
  }

  /**
   * Puts the labels of series {@code index} of the interner's current batch in {@link #pairs()} and
   * answers how many references (two per label) it holds.
   *
   * @throws io.scrapestream.sink.series.InvalidBatchException when the series breaks the record
   *     contract
   */
  int sort(FlatBatch batch, int index) {
    int start = batch.refsStart(index);
    int size = batch.refsEnd(index) - start;
    if (size % 2 != 0) {
      throw SeriesDecoder.invalid(
          batch.message(),
          "label_refs: must hold name/value pairs. Found: " + size + " references");
    }
    if (pairs.length < size) {
      pairs = new int[size];
    }
    int[] refs = batch.refs();
    for (int i = 0; i < size; i += 2) {
      int name = symbols.ref(refs[start + i]);
      insert(batch, name, symbols.ref(refs[start + i + 1]), i);
    }
    int kept = keepNonEmpty(size);
    if (!hasMetricName(kept)) {
      ScrapeBatch message = batch.message();
      throw SeriesDecoder.invalid(
          message,
          "series "
              + index
              + ": labels must include __name__. Found: "
              + SeriesDecoder.labels(message, message.getSeries(index).getLabelRefsList()));
    }
    return kept;
  }

  /** The references of the last sorted series: name, value, name, value, ... */
  int[] pairs() {
    return pairs;
  }

  /** Insertion sort by name rank of the pair at {@code count} into the pairs before it. */
  private void insert(FlatBatch batch, int name, int value, int count) {
    if (name == 0) {
      throw SeriesDecoder.invalid(
          batch.message(), "label name: must not be empty. Found value: " + symbols.symbol(value));
    }
    int rank = rank(name);
    int at = count;
    while (at > 0) {
      int previous = rankByRef[pairs[at - 2]];
      if (previous == rank) {
        throw SeriesDecoder.invalid(
            batch.message(),
            "label name: must not repeat in a series. Found twice: " + symbols.symbol(name));
      }
      if (previous < rank) {
        break;
      }
      pairs[at] = pairs[at - 2];
      pairs[at + 1] = pairs[at - 1];
      at -= 2;
    }
    pairs[at] = name;
    pairs[at + 1] = value;
  }

  /** Moves the pairs with a value (reference 0 is {@code ""}) to the front; answers their refs. */
  private int keepNonEmpty(int size) {
    int kept = 0;
    for (int i = 0; i < size; i += 2) {
      if (pairs[i + 1] != 0) {
        pairs[kept] = pairs[i];
        pairs[kept + 1] = pairs[i + 1];
        kept += 2;
      }
    }
    return kept;
  }

  private boolean hasMetricName(int kept) {
    for (int i = 0; i < kept; i += 2) {
      if (pairs[i] == metricName) {
        return true;
      }
    }
    return false;
  }

  /** The rank of name {@code ref} among the request's names so far; ranks move when one is new. */
  private int rank(int ref) {
    if (ref >= rankByRef.length) {
      int old = rankByRef.length;
      rankByRef = Arrays.copyOf(rankByRef, Math.max(old * 2, ref + 1));
      Arrays.fill(rankByRef, old, rankByRef.length, -1);
    }
    if (rankByRef[ref] >= 0) {
      return rankByRef[ref];
    }
    String name = symbols.symbol(ref);
    int at = -Collections.binarySearch(names, name, SeriesDecoder.LABEL_NAME_ORDER) - 1;
    names.add(at, name);
    nameRefs.add(at, ref);
    for (int i = at; i < nameRefs.size(); i++) {
      rankByRef[nameRefs.get(i)] = i;
    }
    return at;
  }
}
