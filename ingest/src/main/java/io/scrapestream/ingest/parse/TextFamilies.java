package io.scrapestream.ingest.parse;

/**
 * The family rules of text 0.0.4: one HELP and one TYPE line per metric name, TYPE before the
 * samples of its family. A sample belongs to the family of the last TYPE line when its name is that
 * family's name or, for a histogram or summary, that name with a sample suffix; otherwise it is its
 * own family.
 */
final class TextFamilies {

  private final ByteCursor c;
  private int generation;
  private Symbol family;
  private MetricType familyType;
  private Symbol lastName;
  private Symbol lastFamily;

  TextFamilies(ByteCursor cursor) {
    this.c = cursor;
  }

  void begin(int parseGeneration) {
    generation = parseGeneration;
    family = null;
    familyType = null;
    lastName = null;
    lastFamily = null;
  }

  void help(Symbol name, int at) throws ExpositionParseException {
    if (name.helpIn == generation) {
      throw c.error(at, "second HELP line for metric '" + name.text + "'");
    }
    name.helpIn = generation;
  }

  void type(Symbol name, MetricType type, int at) throws ExpositionParseException {
    if (name.typeIn == generation) {
      throw c.error(at, "second TYPE line for metric '" + name.text + "'");
    }
    if (name.samplesIn == generation) {
      throw c.error(at, "TYPE line for metric '" + name.text + "' after its samples");
    }
    name.typeIn = generation;
    family = name;
    familyType = type;
    lastName = null;
  }

  void sample(Symbol name) {
    if (name != lastName) {
      lastName = name;
      lastFamily = familyOf(name);
    }
    lastFamily.samplesIn = generation;
  }

  private Symbol familyOf(Symbol name) {
    if (family == null) {
      return name;
    }
    Suffix[] allowed =
        familyType == MetricType.HISTOGRAM
            ? Suffix.TEXT_HISTOGRAM
            : familyType == MetricType.SUMMARY
                ? Suffix.TEXT_SUMMARY
                : Suffix.allowed(MetricType.GAUGE);
    return Suffix.find(allowed, family, name) != null ? family : name;
  }
}
