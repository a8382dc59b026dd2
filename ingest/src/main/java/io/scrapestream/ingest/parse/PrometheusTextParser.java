package io.scrapestream.ingest.parse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The Prometheus text exposition format 0.0.4, read as Prometheus reads it: blank lines and {@code
 * #} comments anywhere, blanks and tabs between tokens (and around label tokens), an optional
 * trailing comma in label lists, HELP escapes {@code \\} and {@code \n}, label value escapes {@code
 * \\}, {@code \"} and {@code \n}, an integer timestamp in milliseconds. Also enforced, as the
 * format documentation says: at most one HELP and one TYPE line per metric name, and a TYPE line
 * before the samples of its family.
 */
public final class PrometheusTextParser implements ExpositionParser {

  static final byte[] NAME_LABEL = "__name__".getBytes(StandardCharsets.US_ASCII);
  private static final long HASH_HELP = ByteCursor.word("# HELP ");
  private static final long HASH_TYPE = ByteCursor.word("# TYPE ");

  private final SymbolTable symbols = new SymbolTable();
  private final ByteCursor c = new ByteCursor();
  private final LabelReader reader = new LabelReader(c, symbols);
  private final ValueReader values = new ValueReader(c);
  private final SampleSink sink = new SampleSink(c);
  private final LabelBuffer labels = new LabelBuffer();
  private final TextFamilies families = new TextFamilies(c);
  private Symbol nameLabel;
  private Symbol lastName;
  private long timestamp;

  @Override
  public void parse(byte[] body, int offset, int length, SampleVisitor visitor)
      throws ExpositionParseException {
    c.reset(body, offset, length);
    reader.beginParse();
    lastName = null;
    sink.begin(visitor);
    families.begin(symbols.beginParse());
    try {
      nameLabel = symbols.intern(NAME_LABEL, 0, NAME_LABEL.length);
      while (!c.atEnd()) {
        parseLine();
      }
    } finally {
      c.release();
      sink.end();
      symbols.endParse();
    }
  }

  private void parseLine() throws ExpositionParseException {
    reader.skipBlanks(true);
    int b = c.peek();
    if (b == '#') {
      parseComment();
    } else if (b != '\n' && b != -1) {
      parseSample();
    }
    endLine();
  }

  /** Accepts trailing blanks and the line feed (or the end of the input) that end a line. */
  private void endLine() throws ExpositionParseException {
    reader.skipBlanks(true);
    if (c.atEnd()) {
      return;
    }
    if (c.peek() != '\n') {
      throw c.unexpected(c.pos, "expected end of line");
    }
    c.consumeLineFeed();
  }

  private void parseComment() throws ExpositionParseException {
    int kind = commentKind();
    if (kind == 'H') {
      parseHelp();
    } else if (kind == 'T') {
      parseType();
    } else {
      c.pos = Lines.end(c.buf, c.pos, c.end);
    }
  }

  /**
   * Consumes {@code #}, the keyword and the blanks around it, and answers {@code 'H'} (HELP) or
   * {@code 'T'} (TYPE); any other comment answers 0. {@code # HELP } and {@code # TYPE } as
   * exporters write them (one blank each) are recognised with one comparison each.
   */
  private int commentKind() {
    if (c.lookingAt(HASH_HELP, 7) || c.lookingAt(HASH_TYPE, 7)) {
      int kind = c.buf[c.pos + 2];
      c.pos += 7;
      reader.skipBlanks(true);
      return kind;
    }
    c.pos++;
    int afterHash = c.pos;
    reader.skipBlanks(true);
    if (c.pos == afterHash) {
      return 0;
    }
    return keyword("HELP") ? 'H' : keyword("TYPE") ? 'T' : 0;
  }

  /** Consumes {@code word} and the blanks after it if the line continues with both. */
  private boolean keyword(String word) {
    int after = c.pos + word.length();
    if (!c.lookingAt(word) || after >= c.end || (c.buf[after] != ' ' && c.buf[after] != '\t')) {
      return false;
    }
    c.pos = after;
    reader.skipBlanks(true);
    return true;
  }

  private void parseHelp() throws ExpositionParseException {
    int nameAt = c.pos;
    Symbol name = reader.readName(true, "expected a metric name after HELP", lastName);
    lastName = name;
    families.help(name, nameAt);
    if (c.peek() == '\n' || c.atEnd()) {
      return;
    }
    expectBlank("expected a blank between the metric name and the help text");
    reader.skipBlanks(true);
    int from = c.pos;
    String text = readHelpText(name);
    if (c.pos > from) {
      sink.visitor().help(name.text, text);
    }
  }

  /**
   * The rest of the line, unescaped; the family's last one again, found with one comparison of
   * bytes and without touching the string, when the body repeats it.
   */
  private String readHelpText(Symbol name) throws ExpositionParseException {
    int from = c.pos;
    byte[] raw = name.helpRaw;
    if (raw != null) {
      int to = from + raw.length;
      if (to <= c.end
          && (to == c.end || c.buf[to] == '\n')
          && Arrays.equals(raw, 0, raw.length, c.buf, from, to)) {
        c.pos = to;
        return name.helpText;
      }
    }
    c.pos = Lines.end(c.buf, from, c.end);
    boolean escaped = Lines.indexOf(c.buf, from, c.pos, (byte) '\\') >= 0;
    Symbol text = reader.intern(from, c.pos, escaped, false, "help text");
    name.helpRaw = escaped ? Arrays.copyOfRange(c.buf, from, c.pos) : text.bytes;
    name.helpText = text.text;
    return text.text;
  }

  private void parseType() throws ExpositionParseException {
    int nameAt = c.pos;
    Symbol name = reader.readName(true, "expected a metric name after TYPE", lastName);
    lastName = name;
    expectBlank("expected a blank between the metric name and the type");
    reader.skipBlanks(true);
    int from = c.pos;
    c.pos = values.tokenEnd(true);
    MetricType type = MetricTypeWords.TEXT.match(c, from, c.pos);
    if (type == null) {
      throw c.error(
          from,
          "unknown metric type '"
              + c.printable(from, c.pos)
              + "' for '"
              + name.text
              + "': expected "
              + MetricTypeWords.TEXT.describe());
    }
    families.type(name, type, nameAt);
    sink.visitor().type(name.text, type);
  }

  private void expectBlank(String expectation) throws ExpositionParseException {
    int b = c.peek();
    if (b != ' ' && b != '\t') {
      throw c.unexpected(c.pos, expectation);
    }
  }

  private void parseSample() throws ExpositionParseException {
    Symbol name = reader.readName(true, "expected a metric name, '#' or an empty line", lastName);
    lastName = name;
    labels.clear();
    labels.add(nameLabel, name);
    reader.skipBlanks(true);
    if (c.accept('{')) {
      reader.read(labels, true);
      reader.skipBlanks(true);
    }
    int valueFrom = c.pos;
    int valueTo = values.simple.parseFloat(c.buf, valueFrom, c.end, true);
    long bits = values.simple.bits;
    if (valueTo < 0) {
      valueTo = values.tokenEnd(true);
      bits = values.readFloat(valueFrom, valueTo, "sample value", true);
    }
    c.pos = valueTo;
    boolean hasTs = readTimestamp();
    families.sample(name);
    sink.sample(labels, bits, hasTs, timestamp, valueFrom, valueTo);
  }

  /** Reads the optional timestamp into {@link #timestamp} and checks that the line ends. */
  private boolean readTimestamp() throws ExpositionParseException {
    reader.skipBlanks(true);
    if (c.atEnd() || c.peek() == '\n') {
      return false;
    }
    int from = c.pos;
    int to = values.simple.parseInteger(c.buf, from, c.end);
    if (to >= 0) {
      c.pos = to;
      timestamp = values.simple.longValue;
    } else {
      c.pos = values.tokenEnd(true);
      timestamp = values.readInteger(from, c.pos, "timestamp");
    }
    reader.skipBlanks(true);
    if (!c.atEnd() && c.peek() != '\n') {
      throw c.unexpected(c.pos, "expected end of line after the timestamp");
    }
    return true;
  }
}
