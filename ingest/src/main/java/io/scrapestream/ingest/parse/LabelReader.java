package io.scrapestream.ingest.parse;

import java.util.Arrays;

/**
 * Reads a brace-enclosed label list into a {@link LabelBuffer}, and the escaped strings both
 * formats share. {@code lenient} is the text 0.0.4 dialect: blanks around every token and a
 * trailing comma; otherwise the OpenMetrics ABNF: none of either.
 */
final class LabelReader {

  private static final byte METRIC_START = 1;
  private static final byte LABEL_START = 2;
  private static final byte DIGIT = 4;
  private static final byte[] CHARS = new byte[256];

  static {
    for (int ch = 0; ch < 256; ch++) {
      boolean letter = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_';
      CHARS[ch] =
          (byte)
              ((letter || ch == ':' ? METRIC_START : 0)
                  | (letter ? LABEL_START : 0)
                  | (ch >= '0' && ch <= '9' ? DIGIT : 0));
    }
  }

  private final ByteCursor c;
  private final SymbolTable symbols;
  private byte[] scratch = new byte[256];

  /**
   * The label names and values of the last list read, by position: lines of one family mostly
   * repeat them, and comparing bytes with the symbol is cheaper than hashing them to find it.
   */
  private Symbol[] lastNames = new Symbol[16];

  private Symbol[] lastValues = new Symbol[16];

  LabelReader(ByteCursor cursor, SymbolTable symbols) {
    this.c = cursor;
    this.symbols = symbols;
  }

  /**
   * Forgets the remembered labels; called at the start of each parse, since the symbol table may
   * have started over and a symbol must be the table's own for identity checks to hold.
   */
  void beginParse() {
    Arrays.fill(lastNames, null);
    Arrays.fill(lastValues, null);
  }

  /** Reads from just after '{' to just after the matching '}'. */
  void read(LabelBuffer out, boolean lenient) throws ExpositionParseException {
    skipBlanks(lenient);
    if (c.accept('}')) {
      return;
    }
    for (int index = 0; ; index++) {
      readLabel(out, lenient, index);
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

  private void readLabel(LabelBuffer out, boolean lenient, int index)
      throws ExpositionParseException {
    if (index == lastNames.length) {
      lastNames = Arrays.copyOf(lastNames, index * 2);
      lastValues = Arrays.copyOf(lastValues, index * 2);
    }
    int nameStart = c.pos;
    Symbol name = readName(false, "expected a label name", lastNames[index]);
    skipBlanks(lenient);
    if (!c.accept('=')) {
      throw c.unexpected(c.pos, "expected '=' after label name '" + name.text + "'");
    }
    skipBlanks(lenient);
    if (!c.accept('"')) {
      throw c.unexpected(c.pos, "expected '\"' to open the value of label '" + name.text + "'");
    }
    Symbol value = readQuoted(true, "label value", lastValues[index]);
    if (!out.add(name, value)) {
      throw c.error(nameStart, "duplicate label name '" + name.text + "'");
    }
    lastNames[index] = name;
    lastValues[index] = value;
  }

  /**
   * Reads a metric name ({@code [a-zA-Z_:][a-zA-Z0-9_:]*}) or, when {@code metric} is false, a
   * label name ({@code [a-zA-Z_][a-zA-Z0-9_]*}).
   */
  Symbol readName(boolean metric, String expectation) throws ExpositionParseException {
    return readName(metric, expectation, null);
  }

  /** {@link #readName(boolean, String)}, returning {@code guess} without a lookup if it is it. */
  Symbol readName(boolean metric, String expectation, Symbol guess)
      throws ExpositionParseException {
    int start = c.pos;
    byte[] b = c.buf;
    int end = c.end;
    int first = metric ? METRIC_START : LABEL_START;
    int rest = first | DIGIT;
    if (guess != null && spells(guess, rest)) {
      c.pos = start + guess.bytes.length;
      return guess;
    }
    int i = start;
    if (i >= end || (CHARS[b[i] & 0xff] & first) == 0) {
      throw c.unexpected(i, expectation);
    }
    i++;
    while (i < end && (CHARS[b[i] & 0xff] & rest) != 0) {
      i++;
    }
    c.pos = i;
    return symbols.intern(b, start, i);
  }

  /** Whether the name at {@code pos} is {@code guess}: its bytes, then no name character. */
  private boolean spells(Symbol guess, int nameChars) {
    int after = c.pos + guess.bytes.length;
    return after <= c.end
        && (after == c.end || (CHARS[c.buf[after] & 0xff] & nameChars) == 0)
        && guess.matches(c.buf, c.pos, after);
  }

  /**
   * Reads an escaped string after its opening quote up to and including the closing quote. {@code
   * \n}, {@code \\} and {@code \"} are decoded; a backslash before any other character stays.
   */
  Symbol readQuoted(boolean unescapeQuote, String what) throws ExpositionParseException {
    return readQuoted(unescapeQuote, what, null);
  }

  /**
   * {@link #readQuoted(boolean, String)}, returning {@code guess} without scanning for escapes or a
   * lookup if the body spells it, unescaped, before the closing quote.
   */
  Symbol readQuoted(boolean unescapeQuote, String what, Symbol guess)
      throws ExpositionParseException {
    int start = c.pos;
    int close = guess != null && guess.plain ? start + guess.bytes.length : -1;
    if (close >= 0 && close < c.end && c.buf[close] == '"' && guess.matches(c.buf, start, close)) {
      c.pos = close + 1;
      return guess;
    }
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
