package io.scrapestream.ingest.parse;

/**
 * One interned name or value: its bytes, its string, and per-parse marks. A mark holds the
 * generation of the parse that set it, so a new parse starts with every mark clear without touching
 * any symbol.
 */
final class Symbol {

  final byte[] bytes;
  final int hash;
  final String text;

  /** Unique within its table; feeds the hashes of label sets. */
  final long id;

  /** The number of Unicode code points of {@link #text}. */
  final int codePoints;

  /** OpenMetrics: the parse in which a metric family claimed this sample name. */
  int claimedIn;

  /** The family that claimed this sample name (meaningful in the parse {@link #claimedIn}). */
  Symbol claimedBy;

  /** Text format: the parse in which a HELP, a TYPE, a sample of this family was seen. */
  int helpIn;

  int typeIn;
  int samplesIn;

  /**
   * Whether {@link #bytes} hold no backslash, quote or line feed, so that the same bytes in a body
   * spell this symbol as a quoted value with no escape in it.
   */
  final boolean plain;

  /** Text format: the raw bytes of this family's last HELP text, and the text they made. */
  byte[] helpRaw;

  Symbol help;

  /** Cached parse of {@link #text} as a number: 0 not tried, 1 valid, 2 invalid. */
  byte numberState;

  double number;

  Symbol(byte[] bytes, int hash, String text, long id) {
    this.bytes = bytes;
    this.hash = hash;
    this.text = text;
    this.id = id;
    this.codePoints = text.codePointCount(0, text.length());
    this.plain = isPlain(bytes);
  }

  private static boolean isPlain(byte[] b) {
    for (byte x : b) {
      if (x == '\\' || x == '"' || x == '\n') {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code b[from, to)} are exactly this symbol's bytes (8 bytes at a time). */
  boolean matches(byte[] b, int from, int to) {
    return equalRanges(bytes, b, from, to);
  }

  /** Whether {@code b[from, to)} equals all of {@code expected}. */
  static boolean equalRanges(byte[] expected, byte[] b, int from, int to) {
    int n = expected.length;
    if (to - from != n) {
      return false;
    }
    if (n >= 32) {
      return java.util.Arrays.equals(expected, 0, n, b, from, to);
    }
    int i = 0;
    for (; i + 8 <= n; i += 8) {
      if ((long) SymbolTable.LONGS.get(expected, i) != (long) SymbolTable.LONGS.get(b, from + i)) {
        return false;
      }
    }
    for (; i < n; i++) {
      if (expected[i] != b[from + i]) {
        return false;
      }
    }
    return true;
  }
}
