package io.scrapestream.ingest.parse;

/**
 * Byte searches over a body eight bytes at a time (SWAR: one {@code long} read through {@link
 * SymbolHash#LONGS}, a zero-byte test, then the lowest set bit), for the long stretches a parser
 * skips: comment lines and help texts.
 */
final class Lines {

  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long LINE_FEEDS = ONES * '\n';

  private Lines() {}

  /** The index of the first line feed in {@code [from, to)}, or {@code to} if there is none. */
  static int end(byte[] b, int from, int to) {
    int i = indexOf(b, from, to, LINE_FEEDS);
    return i < 0 ? to : i;
  }

  /** The index of the first {@code x} in {@code [from, to)}, or -1. */
  static int indexOf(byte[] b, int from, int to, byte x) {
    return indexOf(b, from, to, ONES * (x & 0xff));
  }

  private static int indexOf(byte[] b, int from, int to, long pattern) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long v = (long) SymbolHash.LONGS.get(b, i) ^ pattern;
      long zeros = (v - ONES) & ~v & HIGHS;
      if (zeros != 0) {
        return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
      }
    }
    byte x = (byte) pattern;
    for (; i < to; i++) {
      if (b[i] == x) {
        return i;
      }
    }
    return -1;
  }
}
