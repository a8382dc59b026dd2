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
  /** Arrays above these sizes (~7 MB in all) are not kept for the next batch. */
  private static final int MAX_KEPT_ENTRIES = 1 << 17;

  private static final int MAX_KEPT_REFS = 1 << 20;

  Target target = Target.getDefaultInstance();
  long timestampMs;
  ScrapeReport report;
  Chunk chunk = Chunk.getDefaultInstance();

  int symbolCount;
  int[] symbolOffsets;
  int[] symbolLengths;

  int seriesCount;
  int[] seriesOffsets;
  int[] seriesLengths;
  long[] valueBits;

  /** Series {@code s} has references {@code refs[refStarts[s]]} to {@code refs[refStarts[s+1]]}. */
  int[] refStarts;

  int refCount;
  int[] refs;

  /** The series with their own timestamp ({@code timestamp_ms} present), ascending. */
  int timestampedCount;

  int[] timestamped = new int[8];

  /** The largest reference so far; {@code Integer.MAX_VALUE} once one was above 2^31 - 1. */
  int maxRef = -1;

  /**
   * Sized for a batch of {@code byteLength} bytes, so that a typical batch needs no regrowth (each
   * doubling copied and dropped the arrays: a quarter of the indexing time of a 507-series batch):
   * one series and one symbol per 32 bytes (node_exporter's batches have one per 41 and 47), one
   * reference per 4 bytes (4.9 in node_exporter's); larger batches grow as before.
   */
  BatchIndex(int byteLength) {
    allocate(byteLength);
  }

  /**
   * Empties the index for a batch of {@code byteLength} bytes, keeping its arrays when they are
   * large enough and not above {@link #MAX_KEPT_ENTRIES} / {@link #MAX_KEPT_REFS} (so one huge
   * batch does not pin its arrays): a stream thread then indexes batch after batch in the same,
   * cache-warm arrays instead of allocating and zeroing ~1.75 bytes per record byte for each.
   */
  void reset(int byteLength) {
    target = Target.getDefaultInstance();
    timestampMs = 0;
    report = null;
    chunk = Chunk.getDefaultInstance();
    symbolCount = 0;
    seriesCount = 0;
    refCount = 0;
    timestampedCount = 0;
    maxRef = -1;
    int entries = entries(byteLength);
    int capacity = seriesOffsets.length;
    boolean tooSmall = capacity < entries || refs.length < refCapacity(byteLength);
    boolean tooLarge =
        Math.max(capacity, symbolOffsets.length) > MAX_KEPT_ENTRIES || refs.length > MAX_KEPT_REFS;
    if (tooSmall || tooLarge) {
      allocate(byteLength);
    }
  }

  private void allocate(int byteLength) {
    int entries = entries(byteLength);
    symbolOffsets = new int[entries];
    symbolLengths = new int[entries];
    seriesOffsets = new int[entries];
    seriesLengths = new int[entries];
    valueBits = new long[entries];
    refStarts = new int[entries + 1];
    refs = new int[refCapacity(byteLength)];
  }

  private static int refCapacity(int byteLength) {
    return Math.max(512, byteLength / 4);
  }

  private static int entries(int byteLength) {
    return Math.max(64, byteLength / 32);
  }

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

  /** Notes that the series being read has its own timestamp. */
  void timestampCurrentSeries() {
    if (timestampedCount > 0 && timestamped[timestampedCount - 1] == seriesCount) {
      return;
    }
    if (timestampedCount == timestamped.length) {
      timestamped = Arrays.copyOf(timestamped, timestampedCount * 2);
    }
    timestamped[timestampedCount++] = seriesCount;
  }

  void endSeries(long bits) {
    valueBits[seriesCount++] = bits;
    refStarts[seriesCount] = refCount;
  }
}
