package io.scrapestream.ingest.scrape;

import java.util.Arrays;

/** A set of 64-bit series hashes without boxing (open addressing, at most half full). */
final class SeriesHashSet {
  private static final long EMPTY = 0;

  private long[] slots = new long[64];
  private int size;

  /** Adds {@code hash}; returns false when it was present. */
  boolean add(long hash) {
    long key = hash == EMPTY ? 1 : hash;
    int mask = slots.length - 1;
    for (int i = spread(key) & mask; ; i = (i + 1) & mask) {
      if (slots[i] == key) {
        return false;
      }
      if (slots[i] == EMPTY) {
        slots[i] = key;
        if (++size * 2 > slots.length) {
          grow();
        }
        return true;
      }
    }
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    size = 0;
    Arrays.stream(old).filter(k -> k != EMPTY).forEach(this::add);
  }

  private static int spread(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
