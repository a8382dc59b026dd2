package io.scrapestream.ingest.parse;

import java.nio.charset.StandardCharsets;

/**
 * OpenMetrics 1.0 text, by its ABNF: single spaces, no blank lines, no comments other than
 * TYPE/HELP/UNIT, a final {@code # EOF}, timestamps in seconds (handed on in milliseconds, {@code
 * (long) (seconds * 1000)} as Prometheus converts them), exemplars after {@code " # "}. The family
 * and metric point rules of the specification are checked by {@link OpenMetricsFamilies}.
 */
public final class OpenMetricsParser implements ExpositionParser {

  private static final String[] KEYWORDS = {"TYPE ", "HELP ", "UNIT "};
  private static final byte[] LE = "le".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] QUANTILE = "quantile".getBytes(StandardCharsets.US_ASCII);

  private final SymbolTable symbols = new SymbolTable();
  private final ByteCursor c = new ByteCursor();
  private final LabelReader reader = new LabelReader(c, symbols);
  private final ValueReader values = new ValueReader(c);
  private final SampleSink sink = new SampleSink(c);
  private final SampleLine line = new SampleLine();
  private final ExemplarReader exemplars = new ExemplarReader(c, reader, values);
  private final OpenMetricsFamilies families = new OpenMetricsFamilies(c, values.numbers, reader);
  private Symbol nameLabel;

  /** The name of the last HELP, TYPE or UNIT line, the guess for the next one. */
  private Symbol lastFamilyName;

  @Override
  public void parse(byte[] body, int offset, int length, SampleVisitor visitor)
      throws ExpositionParseException {
    c.reset(body, offset, length);
    reader.beginParse();
    line.name = null;
    lastFamilyName = null;
    sink.begin(visitor);
    int generation = symbols.beginParse();
    try {
      nameLabel = symbols.intern(PrometheusTextParser.NAME_LABEL, 0, 8);
      families.begin(generation, symbols.intern(LE, 0, LE.length), symbols.intern(QUANTILE, 0, 8));
      while (!parseLine()) {
        // one line per call, until # EOF
      }
    } finally {
      c.release();
      sink.end();
      symbols.endParse();
    }
  }

  /** Parses one line; returns true after {@code # EOF}. */
  private boolean parseLine() throws ExpositionParseException {
    int b = c.peek();
    if (b == -1) {
      throw c.error(c.pos, "missing '# EOF' at the end of the exposition");
    }
    if (b == '\n') {
      throw c.error(c.pos, "empty line: OpenMetrics allows none");
    }
    if (b == '#') {
      return parseHashLine();
    }
    parseSample();
    return false;
  }

  private boolean parseHashLine() throws ExpositionParseException {
    c.pos++;
    c.expect(' ', "expected ' ' after '#'");
    if (c.lookingAt("EOF")) {
      c.pos += 3;
      parseEof();
      return true;
    }
    int at = c.pos;
    for (String keyword : KEYWORDS) {
      if (c.lookingAt(keyword)) {
        c.pos += keyword.length();
        parseMetadata(keyword.charAt(0));
        return false;
      }
    }
    throw c.unexpected(
        at, "expected TYPE, HELP, UNIT or EOF after '# ' (OpenMetrics has no other comments)");
  }

  private void parseEof() throws ExpositionParseException {
    families.end();
    if (c.atEnd()) {
      return;
    }
    if (c.peek() != '\n') {
      throw c.unexpected(c.pos, "expected a line feed or the end of input after '# EOF'");
    }
    c.consumeLineFeed();
    if (!c.atEnd()) {
      throw c.unexpected(c.pos, "expected the end of input after '# EOF'");
    }
  }

  private void parseMetadata(char kind) throws ExpositionParseException {
    int nameAt = c.pos;
    Symbol name = reader.readName(true, "expected a metric name", lastFamilyName);
    lastFamilyName = name;
    c.expect(' ', "expected ' ' after the metric name");
    if (kind == 'T') {
      parseType(name, nameAt);
    } else if (kind == 'U') {
      int unitAt = c.pos;
      while (c.pos < c.end && isNameChar(c.buf[c.pos])) {
        c.pos++;
      }
      Symbol unit = reader.intern(unitAt, c.pos, false, false, "unit");
      checkLineEnd("expected end of line after the unit (letters, digits, '_' and ':')");
      families.unit(name, nameAt, unit, unitAt);
      emitIfPresent(kind, name, unit);
    } else {
      Symbol help = readHelp();
      families.help(name, nameAt);
      emitIfPresent(kind, name, help);
    }
    c.consumeLineFeed();
  }

  private void emitIfPresent(char kind, Symbol name, Symbol text) {
    if (!text.text.isEmpty()) {
      if (kind == 'U') {
        sink.visitor().unit(name.text, text.text);
      } else {
        sink.visitor().help(name.text, text.text);
      }
    }
  }

  private void parseType(Symbol name, int nameAt) throws ExpositionParseException {
    int from = c.pos;
    int to = values.tokenEnd(false);
    MetricType type = MetricTypeWords.OPENMETRICS.match(c, from, to);
    if (type == null) {
      throw c.error(
          from,
          "unknown metric type '"
              + c.printable(from, to)
              + "' for '"
              + name.text
              + "': expected "
              + MetricTypeWords.OPENMETRICS.describe());
    }
    c.pos = to;
    checkLineEnd("expected end of line after the metric type");
    families.type(name, nameAt, type);
    sink.visitor().type(name.text, type);
  }

  /** Reads an escaped-string up to the line feed, which it consumes. */
  private Symbol readHelp() throws ExpositionParseException {
    int from = c.pos;
    boolean escaped = false;
    for (; c.pos < c.end && c.buf[c.pos] != '\n'; c.pos++) {
      byte b = c.buf[c.pos];
      if (b == '"') {
        throw c.error(c.pos, "unescaped '\"' in help text: write it as \\\"");
      }
      if (b == '\\') {
        escaped = true;
        if (++c.pos >= c.end || c.buf[c.pos] == '\n') {
          throw c.unexpected(c.pos, "expected an escaped character after '\\' in help text");
        }
      }
    }
    Symbol help = reader.intern(from, c.pos, escaped, true, "help text");
    checkLineEnd("expected end of line after the help text");
    return help;
  }

  /** Checks that a line feed is next; it is consumed after the line's rules ran. */
  private void checkLineEnd(String expectation) throws ExpositionParseException {
    if (c.peek() != '\n') {
      throw c.unexpected(c.pos, expectation);
    }
  }

  private static boolean isNameChar(byte b) {
    return (b >= 'a' && b <= 'z')
        || (b >= 'A' && b <= 'Z')
        || (b >= '0' && b <= '9')
        || b == '_'
        || b == ':';
  }

  private void parseSample() throws ExpositionParseException {
    SampleLine l = line;
    l.nameAt = c.pos;
    l.name = reader.readName(true, "expected a metric name or '#'", l.name);
    l.labels.clear();
    l.labels.add(nameLabel, l.name);
    if (c.accept('{')) {
      reader.read(l.labels, false);
    }
    c.expect(' ', "expected ' ' before the sample value");
    readValue(l);
    readSampleTail();
    families.sample(l);
    c.consumeLineFeed();
    sink.sample(l.labels, l.bits, l.hasTs, l.timestamp, l.valueFrom, l.valueTo);
    if (l.hasExemplar) {
      sink.visitor()
          .exemplar(l.exemplarLabels, l.exemplarBits, l.exemplarHasTs, l.exemplarTimestamp);
    }
  }

  private void readValue(SampleLine l) throws ExpositionParseException {
    l.valueFrom = c.pos;
    l.valueTo = values.simple.parseFloat(c.buf, l.valueFrom, c.end, false);
    if (l.valueTo >= 0) {
      l.bits = values.simple.bits;
      l.value = Double.longBitsToDouble(l.bits);
    } else {
      l.valueTo = values.tokenEnd(false);
      l.bits = values.readFloat(l.valueFrom, l.valueTo, "sample value", true);
      l.value = values.numbers.value;
    }
    c.pos = l.valueTo;
  }

  /** Reads the optional timestamp and exemplar, and the line feed. */
  private void readSampleTail() throws ExpositionParseException {
    line.hasTs = false;
    line.hasExemplar = false;
    if (c.accept(' ')) {
      if (c.peek() != '#') {
        int from = c.pos;
        int to = values.tokenEnd(false);
        line.timestamp = values.readSeconds(from, to, "timestamp");
        line.hasTs = true;
        c.pos = to;
        if (c.accept(' ')) {
          exemplars.read(line);
        }
      } else {
        exemplars.read(line);
      }
    }
    checkLineEnd("expected end of line after the sample");
  }
}
