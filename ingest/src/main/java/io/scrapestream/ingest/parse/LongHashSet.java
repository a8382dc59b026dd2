package io.scrapestream.ingest.parse;

import java.util.Arrays;

/** A set of longs without boxing, cleared and reused from family to family. */
final class LongHashSet {

  private long[] keys = new long[64];
  private int size;

  /** Adds {@code key}; returns false if it was present. */
  boolean add(long key) {
    long k = key == 0 ? 1 : key;
    int mask = keys.length - 1;
    for (int i = (int) (k ^ (k >>> 32)) & mask; ; i = (i + 1) & mask) {
      if (keys[i] == k) {
        return false;
      }
      if (keys[i] == 0) {
        keys[i] = k;
        if (++size * 2 > keys.length) {
          grow();
        }
        return true;
      }
    }
  }

  void clear() {
    if (size > 0) {
      Arrays.fill(keys, 0);
      size = 0;
    }
  }

  private void grow() {
    long[] old = keys;
    keys = new long[old.length * 2];
    size = 0;
    for (long k : old) {
      if (k != 0) {
        add(k);
      }
    }
  }
}
