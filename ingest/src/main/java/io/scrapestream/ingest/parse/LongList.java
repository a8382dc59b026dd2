package io.scrapestream.ingest.parse;

import java.util.Arrays;

/** A reused, growable list of longs (doubles are kept as their raw bits). */
final class LongList {

  private long[] values = new long[16];
  private int size;

  void clear() {
    size = 0;
  }

  void add(long v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = v;
  }

  void set(int i, long v) {
    values[java.util.Objects.checkIndex(i, size)] = v;
  }

  long get(int i) {
    return values[java.util.Objects.checkIndex(i, size)];
  }

  double getDouble(int i) {
    return Double.longBitsToDouble(get(i));
  }

  int size() {
    return size;
  }
}
