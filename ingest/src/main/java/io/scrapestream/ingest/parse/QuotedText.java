package io.scrapestream.ingest.parse;

import java.util.Arrays;

/**
 * The escaped strings both text formats share (label values, help texts): {@code \n}, {@code \\}
 * and {@code \"} are decoded, a backslash before any other character stays; the result is interned,
 * and must be UTF-8.
 */
final class QuotedText {

  private final ByteCursor c;
  private final SymbolTable symbols;
  private byte[] scratch = new byte[256];

  QuotedText(ByteCursor cursor, SymbolTable symbols) {
    this.c = cursor;
    this.symbols = symbols;
  }

  /**
   * Reads an escaped string after its opening quote up to and including the closing quote, and
   * interns it.
   */
  Symbol scan(boolean unescapeQuote, String what) throws ExpositionParseException {
    int start = c.pos;
    boolean escaped = false;
    int i = start;
    byte[] b = c.buf;
    int end = c.end;
    while (i < end && b[i] != '"') {
      if (b[i] == '\n') {
        throw c.error(i, "unterminated " + what + ": line feed before the closing '\"'");
      }
      if (b[i] == '\\') {
        escaped = true;
        i++;
        if (i < end && b[i] == '\n') {
          throw c.error(i - 1, "escaped line feed in " + what + "; write it as \\n");
        }
      }
      i++;
    }
    if (i >= end) {
      throw c.error(start - 1, "unterminated " + what + ": no closing '\"' before end of input");
    }
    c.pos = i + 1;
    return intern(start, i, escaped, unescapeQuote, what);
  }

  /** Interns {@code [from, to)} of the body, decoding escapes when {@code escaped}. */
  Symbol intern(int from, int to, boolean escaped, boolean unescapeQuote, String what)
      throws ExpositionParseException {
    Symbol s =
        escaped
            ? symbols.intern(scratch, 0, unescape(from, to, unescapeQuote))
            : symbols.intern(c.buf, from, to);
    if (s == null) {
      throw c.error(Utf8.firstInvalid(c.buf, from, to), "invalid UTF-8 in " + what);
    }
    return s;
  }

  private int unescape(int from, int to, boolean unescapeQuote) {
    if (scratch.length < to - from) {
      scratch = Arrays.copyOf(scratch, Math.max(to - from, scratch.length * 2));
    }
    byte[] b = c.buf;
    int n = 0;
    for (int i = from; i < to; i++) {
      byte x = b[i];
      if (x == '\\' && i + 1 < to) {
        byte next = b[i + 1];
        if (next == 'n' || next == '\\' || (next == '"' && unescapeQuote)) {
          x = next == 'n' ? (byte) '\n' : next;
          i++;
        }
      }
      scratch[n++] = x;
    }
    return n;
  }

  /** Builds {@code prefix + suffix} in the scratch buffer and interns it (ASCII names only). */
  Symbol internConcat(Symbol prefix, byte[] suffix) {
    int n = prefix.bytes.length + suffix.length;
    if (scratch.length < n) {
      scratch = Arrays.copyOf(scratch, Math.max(n, scratch.length * 2));
    }
    System.arraycopy(prefix.bytes, 0, scratch, 0, prefix.bytes.length);
    System.arraycopy(suffix, 0, scratch, prefix.bytes.length, suffix.length);
    return symbols.intern(scratch, 0, n);
  }
}
