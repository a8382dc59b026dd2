package io.scrapestream.ingest.parse;

/**
 * The fast path for the numbers most samples carry: {@code [-]digits[.digits][e[sign]digits]} with
 * at most 18 significant digits, and integer timestamps, read in the same pass that finds the end
 * of the token (a blank, a tab, a line feed or the end of the input). Anything else (a {@code +},
 * an exponent, {@code .5}, {@code NaN}, 19 digits or more, a malformed token) answers -1, and the
 * caller takes the general path of {@link NumberParser}, which also reports the errors.
 *
 * <p>Exact: the digits form an integer {@code m} below 10^18, and the value is {@code m} or {@code
 * m / 10^k} with {@code k <= 18}. When {@code m < 2^53} both operands are exact doubles and IEEE
 * division rounds once, correctly (Clinger's fast path), so the result is the correctly rounded
 * value the grammar means. The same holds for {@code m * 10^k} and {@code m / 10^k} with {@code k
 * <= 22} once an exponent is applied. Larger mantissas or scales answer -1.
 */
final class SimpleNumbers {

  private static final long EXACT_LIMIT = 1L << 53;
  private static final int MAX_DIGITS = 18;
  private static final int MAX_SCALE = 22;
  private static final double[] POWERS_OF_TEN = new double[MAX_SCALE + 1];

  static {
    double p = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = p;
      p *= 10;
    }
  }

  /** The raw bits of the last float read. */
  long bits;

  /** The last integer read. */
  long longValue;

  private int exponent;

  /**
   * Reads a simple float at {@code from}; returns the end of the token, or -1. {@code tabEnds}: a
   * tab ends the token (text 0.0.4), or makes it not simple (OpenMetrics).
   */
  int parseFloat(byte[] b, int from, int end, boolean tabEnds) {
    int i = from;
    boolean negative = i < end && b[i] == '-';
    if (negative) {
      i++;
    }
    int start = i;
    long m = 0;
    for (int d; i < end && (d = b[i] - '0') >= 0 && d <= 9; i++) {
      m = m * 10 + d;
    }
    int intDigits = i - start;
    int fraction = 0;
    if (i < end && b[i] == '.') {
      int point = ++i;
      for (int d; i < end && (d = b[i] - '0') >= 0 && d <= 9; i++) {
        m = m * 10 + d;
      }
      fraction = i - point;
    }
    if (intDigits == 0 || intDigits + fraction > MAX_DIGITS || m >= EXACT_LIMIT) {
      return -1;
    }
    int scale = -fraction;
    if (i < end && (b[i] | 0x20) == 'e') {
      i = parseExponent(b, i + 1, end);
      if (i < 0) {
        return -1;
      }
      scale += exponent;
    }
    if (scale < -MAX_SCALE || scale > MAX_SCALE || !ends(b, i, end, tabEnds)) {
      return -1;
    }
    double v = scale >= 0 ? m * POWERS_OF_TEN[scale] : m / POWERS_OF_TEN[-scale];
    bits = Double.doubleToRawLongBits(negative ? -v : v);
    return i;
  }

  /** Reads {@code [sign]digits} (at most 3 digits) into {@link #exponent}; the end, or -1. */
  private int parseExponent(byte[] b, int from, int end) {
    int i = from;
    boolean negative = i < end && b[i] == '-';
    if (i < end && (negative || b[i] == '+')) {
      i++;
    }
    int start = i;
    int e = 0;
    for (int d; i < end && i - start < 3 && (d = b[i] - '0') >= 0 && d <= 9; i++) {
      e = e * 10 + d;
    }
    if (i == start) {
      return -1;
    }
    exponent = negative ? -e : e;
    return i;
  }

  /** Reads {@code [-]digits} (at most 18 digits) at {@code from}; returns the end, or -1. */
  int parseInteger(byte[] b, int from, int end) {
    int i = from;
    boolean negative = i < end && b[i] == '-';
    if (negative) {
      i++;
    }
    int start = i;
    long m = 0;
    for (int d; i < end && (d = b[i] - '0') >= 0 && d <= 9; i++) {
      m = m * 10 + d;
    }
    int digits = i - start;
    if (digits == 0 || digits > MAX_DIGITS || !ends(b, i, end, true)) {
      return -1;
    }
    longValue = negative ? -m : m;
    return i;
  }

  /** Whether a token ends at {@code i}. */
  private static boolean ends(byte[] b, int i, int end, boolean tabEnds) {
    if (i >= end) {
      return true;
    }
    byte x = b[i];
    return x == ' ' || x == '\n' || (x == '\t' && tabEnds);
  }
}
