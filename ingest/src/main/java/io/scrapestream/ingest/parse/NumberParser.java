package io.scrapestream.ingest.parse;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;

/**
 * The number grammar of both text formats, written out rather than borrowed from {@link
 * Double#parseDouble} (which also takes {@code 0x1p-3}, {@code 1d}, {@code 1f}):
 *
 * <pre>
 * float   = [sign] ( digits ["." *digit] / "." digits ) [("e" / "E") [sign] digits]
 *         / [sign] ("inf" / "infinity")        ; any case
 *         / "nan"                              ; any case, no sign
 * integer = [sign] digits                      ; must fit in 64 bits
 * </pre>
 *
 * This is Go's {@code strconv.ParseFloat} without hexadecimal forms and underscores, as Prometheus
 * reads text 0.0.4 values, and it is the OpenMetrics ABNF {@code number}. Values beyond the double
 * range are rejected, as Go does; values below it round to zero.
 */
final class NumberParser {

  enum Status {
    OK,
    SYNTAX,
    RANGE
  }

  /** The NaN Prometheus stores for a written NaN ({@code value.NormalNaN}). */
  static final long NORMAL_NAN_BITS = 0x7ff8000000000001L;

  private static final double[] POWERS_OF_TEN = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = p;
      p *= 10;
    }
  }

  /** The result of the last successful {@code parseFloat}, and its raw bits. */
  double value;

  long bits;

  long longValue;

  private long mantissa;
  private int digits;
  private int scale;
  private boolean exact;

  /** Parses {@code [from, to)} as {@code float}; {@code specials} allows inf/infinity/nan. */
  Status parseFloat(byte[] b, int from, int to, boolean specials) {
    if (from >= to) {
      return Status.SYNTAX;
    }
    int i = from;
    boolean negative = b[i] == '-';
    if (negative || b[i] == '+') {
      i++;
    }
    if (i < to && !isDigit(b[i]) && b[i] != '.') {
      return specials ? parseSpecial(b, i, to, negative, i > from) : Status.SYNTAX;
    }
    return parseDecimal(b, from, i, to, negative);
  }

  /** Parses {@code [from, to)} as {@code integer} into {@link #longValue}. */
  Status parseInteger(byte[] b, int from, int to) {
    boolean negative = from < to && b[from] == '-';
    int i = from < to && (negative || b[from] == '+') ? from + 1 : from;
    if (i >= to) {
      return Status.SYNTAX;
    }
    long acc = 0;
    for (; i < to; i++) {
      if (!isDigit(b[i])) {
        return Status.SYNTAX;
      }
      int d = b[i] - '0';
      if (acc < (Long.MIN_VALUE + d) / 10) {
        return Status.RANGE;
      }
      acc = acc * 10 - d;
    }
    if (!negative && acc == Long.MIN_VALUE) {
      return Status.RANGE;
    }
    longValue = negative ? acc : -acc;
    return Status.OK;
  }

  private Status parseSpecial(byte[] b, int i, int to, boolean negative, boolean signed) {
    int n = to - i;
    if ((n == 3 && matchesIgnoreCase(b, i, "inf"))
        || (n == 8 && matchesIgnoreCase(b, i, "infinity"))) {
      return set(negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
    }
    if (!signed && n == 3 && matchesIgnoreCase(b, i, "nan")) {
      value = Double.NaN;
      bits = NORMAL_NAN_BITS;
      return Status.OK;
    }
    return Status.SYNTAX;
  }

  private Status parseDecimal(byte[] b, int from, int i, int to, boolean negative) {
    mantissa = 0;
    digits = 0;
    scale = 0;
    exact = true;
    boolean seenDigit = false;
    boolean seenPoint = false;
    for (; i < to; i++) {
      byte c = b[i];
      if (isDigit(c)) {
        seenDigit = true;
        addDigit(c - '0', seenPoint);
      } else if (c == '.' && !seenPoint) {
        seenPoint = true;
      } else {
        break;
      }
    }
    if (!seenDigit) {
      return Status.SYNTAX;
    }
    return finishDecimal(b, from, i, to, negative);
  }

  /** Accumulates up to 18 significant digits; more make the fast path inexact. */
  private void addDigit(int d, boolean afterPoint) {
    if (digits >= 18) {
      exact = false;
      return;
    }
    if (mantissa != 0 || d != 0) {
      mantissa = mantissa * 10 + d;
      digits++;
    }
    scale -= afterPoint ? 1 : 0;
  }

  private Status finishDecimal(byte[] b, int from, int i, int to, boolean negative) {
    if (i < to && (b[i] == 'e' || b[i] == 'E')) {
      if (parseExponent(b, i + 1, to) != Status.OK) {
        return Status.SYNTAX;
      }
      scale = (int) Math.max(-100_000, Math.min(100_000, scale + longValue));
      i = to;
    }
    if (i != to) {
      return Status.SYNTAX;
    }
    if (exact && mantissa < (1L << 53) && scale >= -22 && scale <= 22) {
      double v = scale >= 0 ? mantissa * POWERS_OF_TEN[scale] : mantissa / POWERS_OF_TEN[-scale];
      return set(negative ? -v : v);
    }
    return slowPath(b, from, to);
  }

  /** Parses {@code [sign] digits} at {@code [i, to)} into {@link #longValue}, saturating. */
  private Status parseExponent(byte[] b, int i, int to) {
    boolean negative = i < to && b[i] == '-';
    if (i < to && (negative || b[i] == '+')) {
      i++;
    }
    if (i >= to) {
      return Status.SYNTAX;
    }
    long acc = 0;
    for (; i < to; i++) {
      if (!isDigit(b[i])) {
        return Status.SYNTAX;
      }
      acc = Math.min(100_000, acc * 10 + (b[i] - '0'));
    }
    longValue = negative ? -acc : acc;
    return Status.OK;
  }

  /**
   * Correct rounding for the rare long or exponent forms, from the bytes (Eisel-Lemire, no string):
   * the grammar is already checked, so the Java syntax FastDoubleParser also takes never reaches
   * it.
   */
  private Status slowPath(byte[] b, int from, int to) {
    double v = JavaDoubleParser.parseDouble(b, from, to - from);
    if (Double.isInfinite(v)) {
      return Status.RANGE;
    }
    return set(v);
  }

  private Status set(double v) {
    value = v;
    bits = Double.doubleToRawLongBits(v);
    return Status.OK;
  }

  private static boolean matchesIgnoreCase(byte[] b, int i, String lower) {
    for (int k = 0; k < lower.length(); k++) {
      if ((b[i + k] | 0x20) != lower.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }
}
