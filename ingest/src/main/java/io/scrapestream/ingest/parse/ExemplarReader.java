package io.scrapestream.ingest.parse;

/**
 * Reads an OpenMetrics exemplar, {@code # {labels} value [timestamp]}, into a {@link SampleLine}.
 * Its label names and values together may hold at most 128 code points.
 */
final class ExemplarReader {

  private static final int MAX_EXEMPLAR_CODE_POINTS = 128;

  private final ByteCursor c;
  private final LabelReader reader;
  private final ValueReader values;

  ExemplarReader(ByteCursor cursor, LabelReader reader, ValueReader values) {
    this.c = cursor;
    this.reader = reader;
    this.values = values;
  }

  /** Reads from the '#' to the end of the exemplar. */
  void read(SampleLine line) throws ExpositionParseException {
    c.expect('#', "expected '#' to start an exemplar");
    c.expect(' ', "expected ' ' after the exemplar's '#'");
    int labelsAt = c.pos;
    c.expect('{', "expected '{' to open the exemplar's labels");
    line.exemplarLabels.clear();
    reader.read(line.exemplarLabels, false);
    checkLength(line, labelsAt);
    c.expect(' ', "expected ' ' before the exemplar value");
    int from = c.pos;
    int to = values.tokenEnd(false);
    line.exemplarBits = values.readFloat(from, to, "exemplar value", true);
    line.exemplarValue = values.numbers.value;
    c.pos = to;
    line.exemplarHasTs = c.accept(' ');
    if (line.exemplarHasTs) {
      from = c.pos;
      to = values.tokenEnd(false);
      line.exemplarTimestamp = values.readSeconds(from, to, "exemplar timestamp");
      c.pos = to;
    }
    line.hasExemplar = true;
  }

  private void checkLength(SampleLine line, int at) throws ExpositionParseException {
    LabelBuffer l = line.exemplarLabels;
    int n = 0;
    for (int i = 0; i < l.size(); i++) {
      n += l.nameSymbol(i).codePoints + l.valueSymbol(i).codePoints;
    }
    if (n > MAX_EXEMPLAR_CODE_POINTS) {
      throw c.error(
          at,
          "exemplar labels are "
              + n
              + " characters long (names and values);"
              + " at most "
              + MAX_EXEMPLAR_CODE_POINTS
              + " are allowed");
    }
  }
}
