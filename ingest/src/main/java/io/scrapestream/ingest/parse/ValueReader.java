package io.scrapestream.ingest.parse;

/**
 * Reads value and timestamp tokens through {@link NumberParser}, with the errors both formats
 * report.
 */
final class ValueReader {

  private final ByteCursor c;
  final NumberParser numbers = new NumberParser();
  final SimpleNumbers simple = new SimpleNumbers();

  ValueReader(ByteCursor cursor) {
    this.c = cursor;
  }

  /** The end of the token at {@code pos}: the next space, line feed, end of input (or tab). */
  int tokenEnd(boolean tabEnds) {
    byte[] b = c.buf;
    int i = c.pos;
    int end = c.end;
    while (i < end) {
      byte x = b[i];
      if (x == ' ' || x == '\n' || (x == '\t' && tabEnds)) {
        break;
      }
      i++;
    }
    return i;
  }

  /**
   * Parses {@code [from, to)} as a float; returns its raw bits ({@link NumberParser#value} too).
   */
  long readFloat(int from, int to, String what, boolean specials) throws ExpositionParseException {
    NumberParser.Status status = numbers.parseFloat(c.buf, from, to, specials);
    if (status == NumberParser.Status.OK) {
      return numbers.bits;
    }
    if (from == to) {
      throw c.unexpected(from, "expected " + what);
    }
    String token = c.printable(from, to);
    if (status == NumberParser.Status.RANGE) {
      throw c.error(from, what + " '" + token + "' is outside the float64 range");
    }
    String forms = specials ? ", NaN, +Inf or -Inf" : " (no NaN or Inf)";
    throw c.error(from, "invalid " + what + " '" + token + "': expected a decimal number" + forms);
  }

  /** Parses {@code [from, to)} as a 64-bit integer. */
  long readInteger(int from, int to, String what) throws ExpositionParseException {
    NumberParser.Status status = numbers.parseInteger(c.buf, from, to);
    if (status == NumberParser.Status.OK) {
      return numbers.longValue;
    }
    String token = c.printable(from, to);
    if (status == NumberParser.Status.RANGE) {
      throw c.error(from, what + " '" + token + "' does not fit in 64 bits");
    }
    throw c.error(from, "invalid " + what + " '" + token + "': expected an integer");
  }

  /**
   * Parses {@code [from, to)} as OpenMetrics seconds and converts them to milliseconds as
   * Prometheus does: {@code (long) (seconds * 1000)}, truncating.
   */
  long readSeconds(int from, int to, String what) throws ExpositionParseException {
    readFloat(from, to, what, false);
    double ms = numbers.value * 1000;
    if (!(ms >= -0x1p63 && ms < 0x1p63)) {
      throw c.error(
          from,
          what + " '" + c.printable(from, to) + "' is out of range for milliseconds in 64 bits");
    }
    return (long) ms;
  }
}
