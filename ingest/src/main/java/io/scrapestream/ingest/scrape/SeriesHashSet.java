package io.scrapestream.ingest.scrape;

import java.util.Arrays;

/**
 * A set of 64-bit series hashes without boxing (open addressing, at most half full), reused from
 * scrape to scrape: {@link #clear()} keeps the capacity the last scrape needed.
 */
final class SeriesHashSet {
  private static final long EMPTY = 0;
  private static final int MIN_CAPACITY = 64;

  private long[] slots = new long[MIN_CAPACITY];
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

  /**
   * Empties the set, sized for as many hashes as it held: it shrinks when it is over 8 times too
   * large (one huge scrape does not keep a huge table), else it keeps its capacity.
   */
  void clear() {
    if (size == 0) {
      return;
    }
    if (slots.length > MIN_CAPACITY && (long) size * 8 < slots.length) {
      slots = new long[Math.max(MIN_CAPACITY, Integer.highestOneBit(Math.max(1, size)) * 4)];
    } else {
      Arrays.fill(slots, EMPTY);
    }
    size = 0;
  }

  int size() {
    return size;
  }

  int capacity() {
    return slots.length;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    size = 0;
    for (long key : old) {
      if (key != EMPTY) {
        add(key);
      }
    }
  }

  private static int spread(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
