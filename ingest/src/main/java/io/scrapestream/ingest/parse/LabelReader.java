package io.scrapestream.ingest.parse;

/**
 * Reads a brace-enclosed label list into a {@link LabelBuffer}, and names; the escaped strings both
 * formats share go through {@link QuotedText}. {@code lenient} is the text 0.0.4 dialect: blanks
 * around every token and a trailing comma; otherwise the OpenMetrics ABNF: none of either.
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
  private final QuotedText quoted;
  private final LabelGuesses guesses = new LabelGuesses();

  /**
   * The last list read (its buffer, the buffer's size and first name before it, its label count):
   * its names, all distinct and none of the buffer's, are the guesses'. {@code sameNames}: whether
   * the list being read has had the same names so far, by identity, and needs no duplicate check.
   */
  private LabelBuffer lastOut;

  private int lastBase;
  private Symbol lastFirst;
  private int lastCount;
  private boolean sameNames;

  LabelReader(ByteCursor cursor, SymbolTable symbols) {
    this.c = cursor;
    this.symbols = symbols;
    this.quoted = new QuotedText(cursor, symbols);
  }

  /**
   * Forgets the remembered labels; called at the start of each parse, since the symbol table may
   * have started over and a symbol must be the table's own for identity checks to hold.
   */
  void beginParse() {
    guesses.clear();
    lastOut = null;
  }

  /** Reads from just after '{' to just after the matching '}'. */
  void read(LabelBuffer out, boolean lenient) throws ExpositionParseException {
    int base = out.size();
    Symbol first = base > 0 ? out.nameSymbol(0) : null;
    sameNames = out == lastOut && base == lastBase && base <= 1 && first == lastFirst;
    lastOut = null;
    readList(out, lenient);
    lastOut = out;
    lastBase = base;
    lastFirst = first;
    lastCount = out.size() - base;
  }

  private void readList(LabelBuffer out, boolean lenient) throws ExpositionParseException {
    skipBlanks(lenient);
    if (c.accept('}')) {
      return;
    }
    for (int index = 0; ; index++) {
      readLabel(out, lenient, index);
      if (!c.accept(',')) {
        skipBlanks(lenient);
        if (c.accept('}')) {
          return;
        }
        c.expect(',', "expected ',' or '}' after a label value");
      }
      skipBlanks(lenient);
      if (lenient && c.accept('}')) {
        return;
      }
    }
  }

  private void readLabel(LabelBuffer out, boolean lenient, int index)
      throws ExpositionParseException {
    guesses.ensure(index);
    int nameStart = c.pos;
    byte[] b = c.buf;
    Symbol name = guesses.shortName(b, nameStart, c.end, index);
    if (name != null) {
      c.pos = nameStart + guesses.nameLength(index);
    } else {
      name = readName(false, "expected a label name", guesses.name(index));
    }
    int p = c.pos;
    if (p + 1 < c.end && b[p] == '=' && b[p + 1] == '"') {
      c.pos = p + 2;
    } else {
      openValue(name, lenient);
    }
    Symbol value = guesses.shortValue(b, c.pos, c.end, index);
    if (value != null) {
      c.pos += guesses.valueLength(index) + 1;
    } else {
      value = readQuoted(true, "label value", guesses.value(index));
    }
    sameNames = sameNames && index < lastCount && name == guesses.name(index);
    if (sameNames) {
      out.append(name, value);
    } else if (!out.add(name, value)) {
      throw c.error(nameStart, "duplicate label name '" + name.text + "'");
    }
    guesses.remember(index, name, value);
  }

  /** Reads {@code =} and the opening quote of the value of {@code name}, blanks allowed. */
  private void openValue(Symbol name, boolean lenient) throws ExpositionParseException {
    skipBlanks(lenient);
    if (!c.accept('=')) {
      throw c.unexpected(c.pos, "expected '=' after label name '" + name.text + "'");
    }
    skipBlanks(lenient);
    if (!c.accept('"')) {
      throw c.unexpected(c.pos, "expected '\"' to open the value of label '" + name.text + "'");
    }
  }

  /**
   * Reads a metric name ({@code [a-zA-Z_:][a-zA-Z0-9_:]*}) or, when {@code metric} is false, a
   * label name ({@code [a-zA-Z_][a-zA-Z0-9_]*}); returns {@code guess} or the name that followed it
   * last time ({@link Symbol#next}) without a lookup if the body spells it; remembers what
   * followed.
   */
  Symbol readName(boolean metric, String expectation, Symbol guess)
      throws ExpositionParseException {
    int rest = (metric ? METRIC_START : LABEL_START) | DIGIT;
    if (guess != null) {
      if (spells(guess, rest)) {
        c.pos += guess.length;
        return guess;
      }
      Symbol second = guess.next;
      if (second != null && spells(second, rest)) {
        c.pos += second.length;
        return second;
      }
    }
    Symbol s = scanName(metric, expectation);
    if (guess != null) {
      guess.next = s;
    }
    return s;
  }

  private Symbol scanName(boolean metric, String expectation) throws ExpositionParseException {
    int start = c.pos;
    byte[] b = c.buf;
    int end = c.end;
    int first = metric ? METRIC_START : LABEL_START;
    int rest = first | DIGIT;
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
    int after = c.pos + guess.length;
    return after <= c.end
        && (after == c.end || (CHARS[c.buf[after] & 0xff] & nameChars) == 0)
        && guess.matches(c.buf, c.pos, after);
  }

  /**
   * Reads an escaped string after its opening quote up to and including the closing quote ({@code
   * \n}, {@code \\} and {@code \"} decoded, a backslash before any other character kept); returns
   * {@code guess} or the value that followed it last time ({@link Symbol#next}) without scanning
   * for escapes or a lookup if the body spells it, unescaped, before the closing quote; remembers
   * what followed.
   */
  Symbol readQuoted(boolean unescapeQuote, String what, Symbol guess)
      throws ExpositionParseException {
    if (guess != null) {
      if (quotes(guess)) {
        return guess;
      }
      Symbol second = guess.next;
      if (second != null && quotes(second)) {
        return second;
      }
    }
    Symbol s = quoted.scan(unescapeQuote, what);
    if (guess != null) {
      guess.next = s;
    }
    return s;
  }

  /** Consumes {@code guess} and its closing quote if the body spells them at {@code pos}. */
  private boolean quotes(Symbol guess) {
    int close = c.pos + guess.length;
    if (guess.plain && close < c.end && c.buf[close] == '"' && guess.matches(c.buf, c.pos, close)) {
      c.pos = close + 1;
      return true;
    }
    return false;
  }

  /** Interns {@code [from, to)} of the body, decoding escapes when {@code escaped}. */
  Symbol intern(int from, int to, boolean escaped, boolean unescapeQuote, String what)
      throws ExpositionParseException {
    return quoted.intern(from, to, escaped, unescapeQuote, what);
  }

  /** Builds {@code prefix + suffix} and interns it (ASCII names only). */
  Symbol internConcat(Symbol prefix, byte[] suffix) {
    return quoted.internConcat(prefix, suffix);
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
