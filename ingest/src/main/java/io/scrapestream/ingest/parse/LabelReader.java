package io.scrapestream.ingest.parse;

import java.util.Arrays;

/**
 * Reads a brace-enclosed label list into a {@link LabelBuffer}, and the escaped strings both
 * formats share. {@code lenient} is the text 0.0.4 dialect: blanks around every token and a
 * trailing comma; otherwise the OpenMetrics ABNF: none of either.
 */
final class LabelReader {

  private final ByteCursor c;
  private final SymbolTable symbols;
  private byte[] scratch = new byte[256];

  LabelReader(ByteCursor cursor, SymbolTable symbols) {
    this.c = cursor;
    this.symbols = symbols;
  }

  /** Reads from just after '{' to just after the matching '}'. */
  void read(LabelBuffer out, boolean lenient) throws ExpositionParseException {
    skipBlanks(lenient);
    if (c.accept('}')) {
      return;
    }
    while (true) {
      readLabel(out, lenient);
      skipBlanks(lenient);
      if (c.accept('}')) {
        return;
      }
      c.expect(',', "expected ',' or '}' after a label value");
      skipBlanks(lenient);
      if (lenient && c.accept('}')) {
        return;
      }
    }
  }

  private void readLabel(LabelBuffer out, boolean lenient) throws ExpositionParseException {
    int nameStart = c.pos;
    Symbol name = readName(false, "expected a label name");
    skipBlanks(lenient);
    c.expect('=', "expected '=' after label name '" + name.text + "'");
    skipBlanks(lenient);
    c.expect('"', "expected '\"' to open the value of label '" + name.text + "'");
    Symbol value = readQuoted(true, "label value");
    if (!out.add(name, value)) {
      throw c.error(nameStart, "duplicate label name '" + name.text + "'");
    }
  }

  /**
   * Reads a metric name ({@code [a-zA-Z_:][a-zA-Z0-9_:]*}) or, when {@code metric} is false, a
   * label name ({@code [a-zA-Z_][a-zA-Z0-9_]*}).
   */
  Symbol readName(boolean metric, String expectation) throws ExpositionParseException {
    int start = c.pos;
    byte[] b = c.buf;
    int i = start;
    int end = c.end;
    if (i >= end || !isNameStart(b[i], metric)) {
      throw c.unexpected(i, expectation);
    }
    i++;
    while (i < end && (isNameStart(b[i], metric) || (b[i] >= '0' && b[i] <= '9'))) {
      i++;
    }
    c.pos = i;
    return symbols.intern(b, start, i);
  }

  private static boolean isNameStart(byte b, boolean metric) {
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b == '_' || (metric && b == ':');
  }

  /**
   * Reads an escaped string after its opening quote up to and including the closing quote. {@code
   * \n}, {@code \\} and {@code \"} are decoded; a backslash before any other character stays.
   */
  Symbol readQuoted(boolean unescapeQuote, String what) throws ExpositionParseException {
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

  void skipBlanks(boolean lenient) {
    if (lenient) {
      byte[] b = c.buf;
      int end = c.end;
      int i = c.pos;
      while (i < end && (b[i] == ' ' || b[i] == '\t')) {
        i++;
      }
      c.pos = i;
    }
  }
}
