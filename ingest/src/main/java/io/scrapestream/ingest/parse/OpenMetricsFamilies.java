package io.scrapestream.ingest.parse;

/**
 * The OpenMetrics metric family rules: metadata before samples and at most one line of each kind, a
 * sample joins the current family by name and type suffix or starts a new family of type unknown,
 * families are never repeated and never claim a sample name another family could produce (each
 * family claims its name plus its type's suffixes), units are suffixes of the name and absent on
 * info and stateset. Metric point rules go to {@link PointRules} and {@link HistogramPoints}.
 */
final class OpenMetricsFamilies {

  private final ByteCursor c;
  private final PointRules rules;
  private final HistogramPoints histograms;
  private final LabelReader names;
  private int generation;
  private Symbol family;
  private MetricType type;
  private Suffix[] allowed;
  private boolean hasSamples;
  private boolean hasType;
  private boolean hasHelp;
  private Symbol unit;
  private Symbol lastName;
  private Suffix lastSuffix;

  OpenMetricsFamilies(ByteCursor cursor, NumberParser numbers, LabelReader names) {
    this.c = cursor;
    this.names = names;
    this.rules = new PointRules(cursor, numbers);
    this.histograms = new HistogramPoints(cursor, numbers);
  }

  void begin(int parseGeneration, Symbol le, Symbol quantile) {
    generation = parseGeneration;
    family = null;
    lastName = null;
    rules.begin(quantile);
    histograms.begin(le);
  }

  void type(Symbol name, int at, MetricType declared) throws ExpositionParseException {
    metadata(name, at);
    if (hasType) {
      throw c.error(at, "second TYPE line for metric family '" + name.text + "'");
    }
    hasType = true;
    type = declared;
    allowed = Suffix.allowed(declared);
    for (Suffix s : allowed) {
      if (s != Suffix.NONE) {
        claim(name, names.internConcat(name, s.bytes), at);
      }
    }
    checkUnitAllowed(at);
  }

  void help(Symbol name, int at) throws ExpositionParseException {
    metadata(name, at);
    if (hasHelp) {
      throw c.error(at, "second HELP line for metric family '" + name.text + "'");
    }
    hasHelp = true;
  }

  void unit(Symbol name, int at, Symbol declared, int unitAt) throws ExpositionParseException {
    metadata(name, at);
    if (unit != null) {
      throw c.error(at, "second UNIT line for metric family '" + name.text + "'");
    }
    unit = declared;
    int n = name.bytes.length;
    int u = declared.bytes.length;
    if (u > 0 && !(n > u && name.bytes[n - u - 1] == '_' && name.text.endsWith(declared.text))) {
      throw c.error(
          unitAt,
          "unit '"
              + declared.text
              + "' is not the suffix of metric family '"
              + name.text
              + "' after an '_'");
    }
    checkUnitAllowed(at);
  }

  private void checkUnitAllowed(int at) throws ExpositionParseException {
    boolean unitless = type == MetricType.INFO || type == MetricType.STATESET;
    if (unitless && unit != null && !unit.text.isEmpty()) {
      throw c.error(
          at,
          "metric family '"
              + family.text
              + "' of type "
              + type.name().toLowerCase(java.util.Locale.ROOT)
              + " must not have a unit. Found: '"
              + unit.text
              + "'");
    }
  }

  private void metadata(Symbol name, int at) throws ExpositionParseException {
    if (name != family) {
      close();
      open(name, at);
    } else if (hasSamples) {
      throw c.error(at, "metadata line for metric family '" + name.text + "' after its samples");
    }
  }

  void sample(SampleLine line) throws ExpositionParseException {
    Suffix suffix = line.name == lastName ? lastSuffix : join(line.name, line.nameAt);
    rules.check(family, type, suffix, line);
    if (type == MetricType.HISTOGRAM || type == MetricType.GAUGEHISTOGRAM) {
      histograms.sample(family, type, suffix, line);
    }
  }

  private Suffix join(Symbol name, int at) throws ExpositionParseException {
    Suffix suffix = family == null ? null : Suffix.find(allowed, family, name);
    if (suffix == null && name == family) {
      throw c.error(
          at,
          "sample name '"
              + name.text
              + "' is not one of "
              + type.name().toLowerCase(java.util.Locale.ROOT)
              + " '"
              + family.text
              + "': expected the name followed by one of "
              + Suffix.describe(allowed));
    }
    if (suffix == null) {
      close();
      open(name, at);
      suffix = Suffix.NONE;
    }
    hasSamples = true;
    lastName = name;
    lastSuffix = suffix;
    return suffix;
  }

  /** Closes the last family; call once after the last line. */
  void end() throws ExpositionParseException {
    close();
  }

  private void open(Symbol name, int at) throws ExpositionParseException {
    claim(name, name, at);
    family = name;
    type = MetricType.UNKNOWN;
    allowed = Suffix.allowed(type);
    hasSamples = false;
    hasType = false;
    hasHelp = false;
    unit = null;
    lastName = null;
  }

  private void close() throws ExpositionParseException {
    if (family != null && (type == MetricType.HISTOGRAM || type == MetricType.GAUGEHISTOGRAM)) {
      histograms.finish(family);
    }
    histograms.reset();
  }

  private void claim(Symbol familyName, Symbol sampleName, int at) throws ExpositionParseException {
    if (sampleName.claimedIn == generation) {
      String earlier = sampleName.claimedBy.text;
      String problem =
          familyName == sampleName && sampleName.claimedBy == sampleName
              ? "appears a second time"
              : "clashes over the sample name '"
                  + sampleName.text
                  + "' with metric family '"
                  + earlier
                  + "'";
      throw c.error(
          at,
          "metric family '"
              + familyName.text
              + "' "
              + problem
              + ": families must be contiguous and unique");
    }
    sampleName.claimedIn = generation;
    sampleName.claimedBy = familyName;
  }
}
