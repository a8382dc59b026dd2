package io.scrapestream.ingest.parse;

/**
 * The OpenMetrics value rules one sample can break on its own: counter totals, counts, sums and
 * buckets are non-negative and not NaN, counts and buckets are integers, info values are 1,
 * stateset values are 0 or 1 and name their state, summary quantiles are labelled with a number in
 * [0, 1] and their values are not negative; and exemplars only on counter totals and buckets.
 */
final class PointRules {

  private final ByteCursor c;
  private final NumberParser numbers;
  private Symbol quantile;

  PointRules(ByteCursor cursor, NumberParser numbers) {
    this.c = cursor;
    this.numbers = numbers;
  }

  void begin(Symbol quantileLabel) {
    quantile = quantileLabel;
  }

  void check(Symbol family, MetricType type, Suffix suffix, SampleLine line)
      throws ExpositionParseException {
    String problem = valueProblem(family, type, suffix, line);
    if (problem != null) {
      throw c.error(
          line.valueFrom,
          describe(family, type, line)
              + ": "
              + problem
              + ". Found: "
              + c.printable(line.valueFrom, line.valueTo));
    }
    if (line.hasExemplar && !exemplarAllowed(type, suffix)) {
      throw c.error(
          line.valueTo,
          describe(family, type, line)
              + " has an exemplar: only counter totals and histogram buckets may have one");
    }
  }

  private static String describe(Symbol family, MetricType type, SampleLine line) {
    String typeName = type.name().toLowerCase(java.util.Locale.ROOT);
    return "sample '" + line.name.text + "' of " + typeName + " '" + family.text + "'";
  }

  private static boolean exemplarAllowed(MetricType type, Suffix suffix) {
    return type == MetricType.COUNTER
        ? suffix == Suffix.TOTAL
        : (type == MetricType.HISTOGRAM || type == MetricType.GAUGEHISTOGRAM)
            && suffix == Suffix.BUCKET;
  }

  private String valueProblem(Symbol family, MetricType type, Suffix suffix, SampleLine line)
      throws ExpositionParseException {
    double v = line.value;
    return switch (type) {
      case COUNTER -> suffix == Suffix.TOTAL ? nonNegative(v) : null;
      case HISTOGRAM, GAUGEHISTOGRAM -> histogramProblem(suffix, v);
      case SUMMARY -> summaryProblem(suffix, line);
      case INFO -> v == 1 ? null : "an info value must be 1";
      case STATESET -> statesetProblem(family, line);
      default -> null;
    };
  }

  private static String histogramProblem(Suffix suffix, double v) {
    return switch (suffix) {
      case BUCKET, COUNT, GCOUNT -> nonNegativeInteger(v);
      case SUM -> nonNegative(v);
      case GSUM -> Double.isNaN(v) ? "a gsum must not be NaN" : null;
      default -> null;
    };
  }

  private String summaryProblem(Suffix suffix, SampleLine line) throws ExpositionParseException {
    return switch (suffix) {
      case COUNT -> nonNegativeInteger(line.value);
      case SUM -> nonNegative(line.value);
      case NONE -> quantileProblem(line);
      default -> null;
    };
  }

  private String quantileProblem(SampleLine line) throws ExpositionParseException {
    Symbol q = line.labels.valueOf(quantile);
    if (q == null) {
      throw c.error(
          line.nameAt, "summary quantile sample '" + line.name.text + "' has no 'quantile' label");
    }
    double value = numberOf(q, numbers);
    if (!(value >= 0 && value <= 1)) {
      throw c.error(
          line.nameAt, "quantile label must be a number from 0 to 1. Found: '" + q.text + "'");
    }
    return line.value < 0 ? "a quantile value must not be negative" : null;
  }

  private static String statesetProblem(Symbol family, SampleLine line) {
    for (int i = 1; i < line.labels.size(); i++) {
      if (line.labels.nameSymbol(i) == family) {
        return line.value == 0 || line.value == 1 ? null : "a stateset value must be 0 or 1";
      }
    }
    return "a stateset sample needs a label named after its family, '" + family.text + "'";
  }

  private static String nonNegative(double v) {
    return v >= 0 ? null : "the value must be a non-negative number (not NaN)";
  }

  private static String nonNegativeInteger(double v) {
    boolean integer = v >= 0 && v == Math.rint(v) && !Double.isInfinite(v);
    return integer ? null : "the value must be a non-negative integer";
  }

  /** The label value {@code s} as a number (NaN if it is none), parsed once per symbol. */
  static double numberOf(Symbol s, NumberParser numbers) {
    if (s.numberState == 0) {
      boolean ok = numbers.parseFloat(s.bytes, 0, s.bytes.length, true) == NumberParser.Status.OK;
      s.number = ok ? numbers.value : Double.NaN;
      s.numberState = ok ? (byte) 1 : (byte) 2;
    }
    return s.number;
  }
}
