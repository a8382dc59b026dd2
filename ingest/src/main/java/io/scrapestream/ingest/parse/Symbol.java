package io.scrapestream.ingest.parse;

/**
 * One interned name or value: its bytes, its string, and per-parse marks. A mark holds the
 * generation of the parse that set it, so a new parse starts with every mark clear without touching
 * any symbol.
 *
 * <p>The first 16 bytes are also kept in two words, so that a symbol of up to 16 bytes is compared
 * with a body without reading its byte array (one cache line less on the hot path).
 */
final class Symbol {

  final byte[] bytes;
  final int length;
  final int hash;
  final String text;

  /** Bytes 0..7 and 8..15 (little-endian, zero past the end). */
  private final long w0;

  private final long w1;

  /** Unique within its store; feeds the hashes of label sets. */
  final long id;

  /** The number of Unicode code points of {@link #text}. */
  final int codePoints;

  /**
   * The symbol read after this one in the same role the last time they differed (the next metric
   * name, the next value of a label): a guess, always checked against the bytes, for the next read.
   * Both are symbols of the same store, since a symbol only links to one interned while it was
   * current.
   */
  Symbol next;

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

  /**
   * Text format: the raw bytes of this family's last HELP text (the help symbol's own bytes when it
   * had no escape), and the text they made.
   */
  byte[] helpRaw;

  String helpText;

  /** Cached parse of {@link #text} as a number: 0 not tried, 1 valid, 2 invalid. */
  byte numberState;

  double number;

  /** A visitor's note ({@link LabelView#nameNote}) and the stamp it was stored under. */
  private long noteStamp;

  private int note;

  Symbol(byte[] bytes, int hash, String text, long id) {
    this.bytes = bytes;
    this.length = bytes.length;
    this.hash = hash;
    this.text = text;
    this.id = id;
    this.codePoints = text.codePointCount(0, text.length());
    this.plain = isPlain(bytes);
    this.w0 = word(bytes, 0);
    this.w1 = word(bytes, 8);
  }

  /** The note stored under {@code stamp}, or -1. */
  int note(long stamp) {
    return noteStamp == stamp ? note : -1;
  }

  void note(long stamp, int value) {
    noteStamp = stamp;
    note = value;
  }

  private static long word(byte[] b, int from) {
    long w = 0;
    for (int i = Math.min(b.length, from + 8) - 1; i >= from; i--) {
      w = (w << 8) | (b[i] & 0xff);
    }
    return w;
  }

  private static boolean isPlain(byte[] b) {
    for (byte x : b) {
      if (x == '\\' || x == '"' || x == '\n') {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code b[from, to)} are exactly this symbol's bytes. */
  boolean matches(byte[] b, int from, int to) {
    int n = length;
    if (to - from != n) {
      return false;
    }
    if (from + 16 > b.length) {
      return equalRanges(bytes, b, from, to);
    }
    if (n <= 16) {
      return wordsMatch(b, from, n, w0, w1);
    }
    return wordsMatch(b, from, 16, w0, w1) && equalTail(bytes, b, from, n);
  }

  /**
   * Whether bytes 16 to {@code n} ({@code n > 16}) of {@code b} at {@code from} equal those of
   * {@code expected}: 8 at a time, the last 8 read overlapping, with no call to a library loop.
   */
  private static boolean equalTail(byte[] expected, byte[] b, int from, int n) {
    int i = 16;
    for (; i + 8 <= n; i += 8) {
      if ((long) SymbolHash.LONGS.get(expected, i) != (long) SymbolHash.LONGS.get(b, from + i)) {
        return false;
      }
    }
    return i == n
        || (long) SymbolHash.LONGS.get(expected, n - 8)
            == (long) SymbolHash.LONGS.get(b, from + n - 8);
  }

  long word0() {
    return w0;
  }

  long word1() {
    return w1;
  }

  /**
   * Whether {@code b[from, from + n)} ({@code n <= 16}, 16 bytes readable at {@code from}) are the
   * bytes whose words are {@code w0} and {@code w1}.
   */
  static boolean wordsMatch(byte[] b, int from, int n, long w0, long w1) {
    long m0 = n >= 8 ? -1L : (1L << (n << 3)) - 1;
    long m1 = n >= 16 ? -1L : n <= 8 ? 0L : (1L << ((n - 8) << 3)) - 1;
    long x0 = ((long) SymbolHash.LONGS.get(b, from) ^ w0) & m0;
    long x1 = ((long) SymbolHash.LONGS.get(b, from + 8) ^ w1) & m1;
    return (x0 | x1) == 0;
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
      if ((long) SymbolHash.LONGS.get(expected, i) != (long) SymbolHash.LONGS.get(b, from + i)) {
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
