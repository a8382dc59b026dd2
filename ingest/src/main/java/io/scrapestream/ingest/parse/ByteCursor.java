package io.scrapestream.ingest.parse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/** The read position in the body being parsed, with the line bookkeeping that errors report. */
final class ByteCursor {

  private static final byte[] EMPTY = new byte[0];

  byte[] buf = EMPTY;
  int pos;
  int end;
  private int line;
  private int lineStart;

  void reset(byte[] body, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, body.length);
    buf = body;
    pos = offset;
    end = offset + length;
    line = 1;
    lineStart = offset;
  }

  /** Lets go of the body, so that a parser kept between scrapes does not keep it alive. */
  void release() {
    buf = EMPTY;
    pos = 0;
    end = 0;
  }

  boolean atEnd() {
    return pos >= end;
  }

  /** The byte at {@code pos} (0..255), or -1 at the end of the input. */
  int peek() {
    return pos < end ? buf[pos] & 0xff : -1;
  }

  /** Consumes {@code expected} when it is the next byte. */
  boolean accept(char expected) {
    if (pos < end && buf[pos] == expected) {
      pos++;
      return true;
    }
    return false;
  }

  /** Consumes {@code expected} or fails with {@code what} and what was found instead. */
  void expect(char expected, String what) throws ExpositionParseException {
    if (!accept(expected)) {
      throw unexpected(pos, what);
    }
  }

  /** Consumes the line feed at {@code pos} and starts counting the next line. */
  void consumeLineFeed() {
    pos++;
    line++;
    lineStart = pos;
  }

  /** Whether the bytes at {@code pos} are exactly {@code ascii}. */
  boolean lookingAt(String ascii) {
    int n = ascii.length();
    if (end - pos < n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (buf[pos + i] != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the {@code n} ({@code <= 8}) bytes at {@code pos} are those of {@code word} (as {@link
   * #word} packs them): one masked {@code long} comparison where eight bytes are readable.
   */
  boolean lookingAt(long word, int n) {
    if (end - pos < n) {
      return false;
    }
    if (pos + 8 <= buf.length) {
      long mask = n == 8 ? -1L : (1L << (n << 3)) - 1;
      return (((long) SymbolHash.LONGS.get(buf, pos) ^ word) & mask) == 0;
    }
    for (int i = 0; i < n; i++) {
      if (buf[pos + i] != (byte) (word >>> (i << 3))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The bytes of {@code ascii} (at most 8) packed little-endian, for {@link #lookingAt(long, int)}.
   */
  static long word(String ascii) {
    if (ascii.length() > 8) {
      throw new IllegalArgumentException("at most 8 bytes fit in a word. Found: " + ascii.length());
    }
    long w = 0;
    for (int i = ascii.length() - 1; i >= 0; i--) {
      w = (w << 8) | (ascii.charAt(i) & 0xff);
    }
    return w;
  }

  /** The index of the word in {@code words} that {@code [from, to)} spells exactly, or -1. */
  int matchWord(int from, int to, byte[][] words) {
    int n = to - from;
    for (int i = 0; i < words.length; i++) {
      byte[] w = words[i];
      if (w.length == n && n > 0 && w[0] == buf[from] && Arrays.equals(buf, from, to, w, 0, n)) {
        return i;
      }
    }
    return -1;
  }

  int line() {
    return line;
  }

  ExpositionParseException error(int at, String detail) {
    return new ExpositionParseException(line, at - lineStart + 1, detail);
  }

  /** An error "{@code expectation}. Found: <what is at {@code at}>". */
  ExpositionParseException unexpected(int at, String expectation) {
    return error(at, expectation + ". Found: " + describe(at));
  }

  String describe(int at) {
    if (at >= end) {
      return "end of input";
    }
    int b = buf[at] & 0xff;
    if (b == '\n') {
      return "end of line";
    }
    if (b >= 0x20 && b < 0x7f) {
      return "'" + (char) b + "'";
    }
    return String.format("byte 0x%02x", b);
  }

  /** The bytes {@code [from, to)} for an error message: printable ASCII as is, others as \xNN. */
  String printable(int from, int to) {
    StringBuilder sb = new StringBuilder(to - from);
    for (int i = from; i < Math.min(to, end); i++) {
      int b = buf[i] & 0xff;
      if (b >= 0x20 && b < 0x7f) {
        sb.append((char) b);
      } else {
        sb.append(String.format("\\x%02x", b));
      }
    }
    return sb.toString();
  }

  /** The bytes {@code [from, to)} as text (ISO-8859-1, so never fails). */
  String text(int from, int to) {
    return new String(
        buf, from, Math.max(0, Math.min(to, end) - from), StandardCharsets.ISO_8859_1);
  }
}
