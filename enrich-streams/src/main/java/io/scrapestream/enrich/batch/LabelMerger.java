package io.scrapestream.enrich.batch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Merges the labels every series of a batch gets into each series' references, keeping names in
 * byte order (Prometheus's order) and leaving a series' own label of the same name in place. Names
 * are compared once per symbol, not once per series.
 */
final class LabelMerger {
  private static final int UNKNOWN = Integer.MIN_VALUE;

  private final IndexedBatch batch;
  private final int[][] extras;

  /** Per symbol: the number of extra names before it, or -1 - i when it equals extra name i. */
  private final int[] placement;

  LabelMerger(IndexedBatch batch) {
    this.batch = batch;
    List<int[]> labels = new ArrayList<>(batch.appendix().everySeriesLabels());
    labels.sort((a, b) -> compareSymbols(a[0], b[0]));
    this.extras = labels.toArray(new int[0][]);
    this.placement = new int[batch.symbolCount()];
    Arrays.fill(placement, UNKNOWN);
  }

  /** The references of {@code series} with the extra labels merged in. */
  int[] merged(int series) {
    int count = batch.labelRefCount(series);
    boolean[] present = new boolean[extras.length];
    int skipped = 0;
    for (int i = 0; i < count; i += 2) {
      int place = placement(batch.labelRef(series, i));
      if (place < 0 && !present[-1 - place]) {
        present[-1 - place] = true;
        skipped++;
      }
    }
    int[] out = new int[count + 2 * (extras.length - skipped)];
    int o = 0;
    int next = 0;
    for (int i = 0; i < count; i += 2) {
      int place = placement(batch.labelRef(series, i));
      for (int before = place < 0 ? -1 - place : place; next < before; next++) {
        o = emit(out, o, next, present);
      }
      out[o++] = batch.labelRef(series, i);
      out[o++] = batch.labelRef(series, i + 1);
    }
    for (; next < extras.length; next++) {
      o = emit(out, o, next, present);
    }
    return out;
  }

  private int emit(int[] out, int o, int extra, boolean[] present) {
    if (present[extra]) {
      return o;
    }
    out[o] = extras[extra][0];
    out[o + 1] = extras[extra][1];
    return o + 2;
  }

  private int placement(int symbol) {
    int place = placement[symbol];
    if (place == UNKNOWN) {
      place = 0;
      while (place < extras.length) {
        int c = compareSymbols(extras[place][0], symbol);
        if (c == 0) {
          place = -1 - place;
          break;
        }
        if (c > 0) {
          break;
        }
        place++;
      }
      placement[symbol] = place;
    }
    return place;
  }

  private int compareSymbols(int a, int b) {
    int aOffset = batch.symbolOffset(a);
    int bOffset = batch.symbolOffset(b);
    return Arrays.compareUnsigned(
        batch.symbolArray(a),
        aOffset,
        aOffset + batch.symbolLength(a),
        batch.symbolArray(b),
        bOffset,
        bOffset + batch.symbolLength(b));
  }
}
