package io.scrapestream.enrich.batch;

import io.scrapestream.schemas.v1.Chunk;
import io.scrapestream.schemas.v1.ScrapeReport;
import io.scrapestream.schemas.v1.Target;
import java.util.Arrays;

/**
 * Where things are in the bytes of one {@code ScrapeBatch}, filled by {@link BatchScanner}: the
 * small messages decoded, the string table and series as offsets, label references flattened.
 */
final class BatchIndex {
  Target target = Target.getDefaultInstance();
  long timestampMs;
  ScrapeReport report;
  Chunk chunk = Chunk.getDefaultInstance();

  int symbolCount;
  int[] symbolOffsets = new int[64];
  int[] symbolLengths = new int[64];

  int seriesCount;
  int[] seriesOffsets = new int[64];
  int[] seriesLengths = new int[64];
  long[] valueBits = new long[64];

  /** Series {@code s} has references {@code refs[refStarts[s]]} to {@code refs[refStarts[s+1]]}. */
  int[] refStarts = new int[65];

  int refCount;
  int[] refs = new int[512];

  /** The largest reference so far; {@code Integer.MAX_VALUE} once one was above 2^31 - 1. */
  int maxRef = -1;

  void addSymbol(int offset, int length) {
    if (symbolCount == symbolOffsets.length) {
      symbolOffsets = Arrays.copyOf(symbolOffsets, symbolCount * 2);
      symbolLengths = Arrays.copyOf(symbolLengths, symbolCount * 2);
    }
    symbolOffsets[symbolCount] = offset;
    symbolLengths[symbolCount++] = length;
  }

  /** Makes room for {@code more} references. */
  void ensureRefCapacity(int more) {
    if (refCount + more > refs.length) {
      refs = Arrays.copyOf(refs, Math.max(refs.length * 2, refCount + more));
    }
  }

  void addRef(int ref) {
    if (refCount == refs.length) {
      refs = Arrays.copyOf(refs, refCount * 2);
    }
    refs[refCount++] = ref;
    if (ref > maxRef || ref < 0) {
      maxRef = ref < 0 ? Integer.MAX_VALUE : ref;
    }
  }

  /** Call before reading a series' references; then {@link #endSeries}. */
  void beginSeries(int offset, int length) {
    if (seriesCount == seriesOffsets.length) {
      int capacity = seriesCount * 2;
      seriesOffsets = Arrays.copyOf(seriesOffsets, capacity);
      seriesLengths = Arrays.copyOf(seriesLengths, capacity);
      valueBits = Arrays.copyOf(valueBits, capacity);
      refStarts = Arrays.copyOf(refStarts, capacity + 1);
    }
    seriesOffsets[seriesCount] = offset;
    seriesLengths[seriesCount] = length;
    refStarts[seriesCount] = refCount;
  }

  void endSeries(long bits) {
    valueBits[seriesCount++] = bits;
    refStarts[seriesCount] = refCount;
  }
}
