package io.scrapestream.enrich.batch;

/**
 * The 64-bit identity of a series: a mix of its label pairs' hashes, summed, so it depends on the
 * label set and not on the order of the references or on which string table holds the strings.
 * Labels with an empty value are left out (Prometheus treats them as absent).
 *
 * <p>Collision odds: with well-mixed 64-bit hashes, two of the n series of one target collide with
 * probability about n²/2⁶⁵ — 6.8e-13 for 5,000 series. A collision between a removed and a present
 * series costs one missing stale marker (the series then ends after Prometheus's 5-minute
 * lookback).
 */
public final class SeriesHash {
  private static final long PAIR = 0x9E3779B97F4A7C15L;
  private static final long COUNT = 0xD6E8FEB86659FD93L;

  private SeriesHash() {}

  public static long of(LabelSource source, int series) {
    if (source instanceof IndexedBatch batch && series < batch.originalSeriesCount()) {
      return batch.originalSeriesHash(series);
    }
    long sum = 0;
    int labels = 0;
    int count = source.labelRefCount(series);
    for (int i = 0; i < count; i += 2) {
      int value = source.labelRef(series, i + 1);
      if (source.symbolLength(value) != 0) {
        sum += pair(source.symbolHash(source.labelRef(series, i)), source.symbolHash(value));
        labels++;
      }
    }
    return finish(sum, labels);
  }

  /** The hash of one label: name and value hashes mixed (not symmetric in the two). */
  static long pair(long nameHash, long valueHash) {
    return SymbolHash.mix(nameHash + Long.rotateLeft(valueHash, 29) * PAIR);
  }

  /** The series hash from the sum of its label hashes and its number of labels. */
  static long finish(long sum, int labels) {
    return SymbolHash.mix(sum + labels * COUNT);
  }
}
