package io.scrapestream.ingest.parse;

/** Strict UTF-8 validation (no overlong forms, no surrogates, nothing above U+10FFFF). */
final class Utf8 {

  private Utf8() {}

  /** Whether every byte of {@code [from, to)} is below 0x80. */
  static boolean isAscii(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] < 0) {
        return false;
      }
    }
    return true;
  }

  /** The index of the first byte that does not belong to valid UTF-8, or -1 if all is valid. */
  static int firstInvalid(byte[] b, int from, int to) {
    int i = from;
    while (i < to) {
      int n = sequenceLength(b, i, to);
      if (n == 0) {
        return i;
      }
      i += n;
    }
    return -1;
  }

  /** The length of the valid sequence starting at {@code i}, or 0 if it is not valid. */
  private static int sequenceLength(byte[] b, int i, int to) {
    int b0 = b[i] & 0xff;
    if (b0 < 0x80) {
      return 1;
    }
    if (b0 >= 0xc2 && b0 <= 0xdf) {
      return continuation(b, i + 1, to, 0x80, 0xbf) ? 2 : 0;
    }
    if (b0 >= 0xe0 && b0 <= 0xef) {
      int lo = b0 == 0xe0 ? 0xa0 : 0x80;
      int hi = b0 == 0xed ? 0x9f : 0xbf;
      return continuation(b, i + 1, to, lo, hi) && continuation(b, i + 2, to, 0x80, 0xbf) ? 3 : 0;
    }
    if (b0 >= 0xf0 && b0 <= 0xf4) {
      int lo = b0 == 0xf0 ? 0x90 : 0x80;
      int hi = b0 == 0xf4 ? 0x8f : 0xbf;
      boolean ok =
          continuation(b, i + 1, to, lo, hi)
              && continuation(b, i + 2, to, 0x80, 0xbf)
              && continuation(b, i + 3, to, 0x80, 0xbf);
      return ok ? 4 : 0;
    }
    return 0;
  }

  private static boolean continuation(byte[] b, int i, int to, int lo, int hi) {
    if (i >= to) {
      return false;
    }
    int v = b[i] & 0xff;
    return v >= lo && v <= hi;
  }
}
