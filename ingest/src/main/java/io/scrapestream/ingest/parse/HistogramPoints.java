package io.scrapestream.ingest.parse;

/**
 * The metric point rules of histograms and gauge histograms, checked as samples stream by. A point
 * is the run of samples with one label set (without {@code le}) and one timestamp; points must not
 * be interleaved. Within a point: buckets in increasing {@code le} order with cumulative values, a
 * {@code +Inf} bucket, {@code _count} equal to it and present exactly when {@code _sum} is, no
 * {@code _sum} with negative thresholds (histogram), exemplars inside their bucket.
 */
final class HistogramPoints {

  private final ByteCursor c;
  private final NumberParser numbers;
  private final LabelBuffer key = new LabelBuffer();
  private final LongHashSet seen = new LongHashSet();
  private Symbol le;
  private MetricType type;
  private boolean open;
  private boolean keyHasTs;
  private long keyTs;
  private int startLine;
  private boolean sawBucket;
  private boolean sawInf;
  private boolean sawCount;
  private boolean sawSum;
  private boolean negativeLe;
  private double lastLe;
  private double lastBucket;
  private double infValue;
  private double count;

  HistogramPoints(ByteCursor cursor, NumberParser numbers) {
    this.c = cursor;
    this.numbers = numbers;
  }

  void begin(Symbol leLabel) {
    le = leLabel;
    reset();
  }

  void reset() {
    open = false;
    seen.clear();
  }

  void sample(Symbol family, MetricType familyType, Suffix suffix, SampleLine line)
      throws ExpositionParseException {
    if (!samePoint(line)) {
      finish(family);
      start(family, line);
    }
    type = familyType;
    switch (suffix) {
      case BUCKET -> bucket(line);
      case COUNT, GCOUNT -> {
        sawCount = true;
        count = line.value;
      }
      case SUM, GSUM -> sawSum = true;
      default -> {}
    }
  }

  private boolean samePoint(SampleLine line) {
    if (!open || line.hasTs != keyHasTs || (keyHasTs && line.timestamp != keyTs)) {
      return false;
    }
    LabelBuffer labels = line.labels;
    int n = 0;
    for (int i = 1; i < labels.size(); i++) {
      Symbol name = labels.nameSymbol(i);
      if (name != le) {
        n++;
        if (key.valueOf(name) != labels.valueSymbol(i)) {
          return false;
        }
      }
    }
    return n == key.size();
  }

  private void start(Symbol family, SampleLine line) throws ExpositionParseException {
    key.clear();
    long hash = line.hasTs ? mix(line.timestamp) : 0;
    for (int i = 1; i < line.labels.size(); i++) {
      Symbol name = line.labels.nameSymbol(i);
      if (name != le) {
        key.add(name, line.labels.valueSymbol(i));
        hash += mix(name.id * 0x9E3779B97F4A7C15L + line.labels.valueSymbol(i).id);
      }
    }
    if (!seen.add(hash)) {
      throw c.error(
          line.nameAt,
          "metric point of '"
              + family.text
              + "' appears again after other points:"
              + " points must not be interleaved");
    }
    open = true;
    keyHasTs = line.hasTs;
    keyTs = line.timestamp;
    startLine = c.line();
    sawBucket = sawInf = sawCount = sawSum = negativeLe = false;
  }

  private void bucket(SampleLine line) throws ExpositionParseException {
    Symbol leValue = line.labels.valueOf(le);
    if (leValue == null) {
      throw c.error(line.nameAt, "bucket '" + line.name.text + "' has no 'le' label");
    }
    double bound = PointRules.numberOf(leValue, numbers);
    if (Double.isNaN(bound)) {
      throw c.error(
          line.nameAt, "invalid 'le' label: expected a number. Found: '" + leValue.text + "'");
    }
    checkOrder(line, bound, leValue);
    checkExemplar(line, bound, leValue);
    negativeLe |= bound < 0;
    sawInf = bound == Double.POSITIVE_INFINITY;
    infValue = line.value;
    lastLe = bound;
    lastBucket = line.value;
    sawBucket = true;
  }

  private void checkOrder(SampleLine line, double bound, Symbol leValue)
      throws ExpositionParseException {
    if (sawBucket && bound <= lastLe) {
      throw c.error(
          line.nameAt,
          "bucket le=\""
              + leValue.text
              + "\" is not above the previous bucket's le:"
              + " buckets must be sorted by increasing le");
    }
    if (sawBucket && line.value < lastBucket) {
      throw c.error(
          line.valueFrom,
          "bucket le=\""
              + leValue.text
              + "\" is below the bucket before it:"
              + " buckets must be cumulative. Found: "
              + c.printable(line.valueFrom, line.valueTo));
    }
  }

  private void checkExemplar(SampleLine line, double bound, Symbol leValue)
      throws ExpositionParseException {
    double v = line.exemplarValue;
    if (line.hasExemplar && (!(v <= bound) || (sawBucket && v <= lastLe))) {
      throw c.error(
          line.valueTo,
          "exemplar value " + v + " is outside its bucket le=\"" + leValue.text + "\"");
    }
  }

  /** Checks the open point, if any. */
  void finish(Symbol family) throws ExpositionParseException {
    if (!open) {
      return;
    }
    open = false;
    String problem = pointProblem();
    if (problem != null) {
      throw new ExpositionParseException(
          startLine, 1, "metric point of '" + family.text + "' starting here " + problem);
    }
  }

  private String pointProblem() {
    if (!sawInf) {
      return "has no bucket with le=\"+Inf\"";
    }
    if (sawSum != sawCount) {
      return sawSum ? "has a sum but no count" : "has a count but no sum";
    }
    if (sawCount && count != infValue) {
      return "has a count (" + count + ") different from its +Inf bucket (" + infValue + ")";
    }
    if (type == MetricType.HISTOGRAM && negativeLe && sawSum) {
      return "has negative bucket thresholds and a sum";
    }
    return null;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
