package io.scrapestream.ingest.parse;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Number conversions the protobuf format needs, done as Prometheus (Go) does them. */
final class ProtoNumbers {

  private ProtoNumbers() {}

  /** Go's {@code float64(x)} of a {@code uint64}: correctly rounded. */
  static double unsignedToDouble(long x) {
    if (x >= 0) {
      return x;
    }
    return ((double) ((x >>> 1) | (x & 1))) * 2.0;
  }

  /**
   * Prometheus's {@code formatOpenMetricsFloat}, which makes the {@code le} and {@code quantile}
   * label values of protobuf histograms and summaries: Go's {@code strconv.FormatFloat(f, 'g', -1,
   * 64)} with {@code .0} appended when the result has neither a {@code .} nor an {@code e}; {@code
   * NaN}, {@code +Inf}, {@code -Inf}; {@code 0.0} for both zeros.
   */
  static String formatOpenMetrics(double f) {
    if (f == 0) {
      return "0.0";
    }
    if (Double.isNaN(f)) {
      return "NaN";
    }
    if (Double.isInfinite(f)) {
      return f > 0 ? "+Inf" : "-Inf";
    }
    String g = formatShortestG(f);
    return g.indexOf('.') < 0 && g.indexOf('e') < 0 ? g + ".0" : g;
  }

  /**
   * Go's {@code 'g'} format with the shortest digits that read back as {@code f} (finite, not 0).
   */
  static String formatShortestG(double f) {
    BigDecimal d = shortest(f).stripTrailingZeros();
    String digits = d.unscaledValue().abs().toString();
    int pointAt = digits.length() - d.scale();
    int exponent = pointAt - 1;
    StringBuilder sb = new StringBuilder(24);
    if (f < 0) {
      sb.append('-');
    }
    if (exponent < -4 || exponent >= 6) {
      return appendExponential(sb, digits, exponent).toString();
    }
    if (pointAt <= 0) {
      sb.append("0.").append("0".repeat(-pointAt)).append(digits);
    } else if (pointAt >= digits.length()) {
      sb.append(digits).append("0".repeat(pointAt - digits.length()));
    } else {
      sb.append(digits, 0, pointAt).append('.').append(digits, pointAt, digits.length());
    }
    return sb.toString();
  }

  /** Go's {@code %e} form: {@code d[.ddd]e±XX}, at least two exponent digits. */
  private static StringBuilder appendExponential(StringBuilder sb, String digits, int exponent) {
    sb.append(digits.charAt(0));
    if (digits.length() > 1) {
      sb.append('.').append(digits, 1, digits.length());
    }
    sb.append(exponent < 0 ? "e-" : "e+");
    int e = Math.abs(exponent);
    return sb.append(e < 10 ? "0" : "").append(e);
  }

  /** The decimal with the fewest significant digits that rounds back to {@code f}. */
  private static BigDecimal shortest(double f) {
    BigDecimal exact = new BigDecimal(f);
    for (int precision = 1; precision < 17; precision++) {
      BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      if (candidate.doubleValue() == f) {
        return candidate;
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
  }
}
