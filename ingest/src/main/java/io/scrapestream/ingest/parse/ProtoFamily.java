package io.scrapestream.ingest.parse;

import java.io.IOException;

/**
 * The header of one {@code MetricFamily}: its name, help, type and unit (which protobuf may place
 * anywhere; encoders write the unit after the metrics), and how many metrics it has. Checked as
 * Prometheus checks a family: metric name, UTF-8 help, known type, unit a suffix of the name.
 */
final class ProtoFamily {

  static final int COUNTER = 0;
  static final int GAUGE = 1;
  static final int SUMMARY = 2;
  static final int UNTYPED = 3;
  static final int HISTOGRAM = 4;
  static final int GAUGE_HISTOGRAM = 5;

  private static final MetricType[] TYPES = {
    MetricType.COUNTER,
    MetricType.GAUGE,
    MetricType.SUMMARY,
    MetricType.UNTYPED,
    MetricType.HISTOGRAM,
    MetricType.GAUGEHISTOGRAM
  };

  Symbol name;
  Symbol help;
  Symbol unit;
  int type;
  int metrics;
  boolean nameSeen;
  boolean typeSeen;
  private int nameFrom;
  private int nameTo;
  private int helpFrom;
  private int helpTo;
  private int unitFrom;
  private int unitTo;

  /** Starts a family. */
  void begin(int at) {
    name = null;
    help = null;
    unit = null;
    type = COUNTER;
    metrics = 0;
    nameSeen = false;
    typeSeen = false;
    nameFrom = nameTo = helpFrom = helpTo = unitFrom = unitTo = at;
  }

  /** Reads field {@code tag} if it is the name, help, type or unit; returns whether it was. */
  boolean header(ProtoReader r, int tag) throws IOException {
    switch (ProtoReader.field(tag)) {
      case 1 -> {
        nameFrom = r.bytes(tag, "MetricFamily.name");
        nameTo = r.offset();
        nameSeen = true;
      }
      case 2 -> {
        helpFrom = r.bytes(tag, "MetricFamily.help");
        helpTo = r.offset();
      }
      case 3 -> {
        type = (int) r.varint(tag, "MetricFamily.type");
        typeSeen = true;
      }
      case 5 -> {
        unitFrom = r.bytes(tag, "MetricFamily.unit");
        unitTo = r.offset();
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  /**
   * Checks name, help and type as Prometheus does, with {@code at} the offset of the family; the
   * unit is checked by {@link #checkUnit}, once it is known.
   */
  void check(SymbolTable symbols, byte[] body, int at) throws ProtoFormatException {
    name = symbols.intern(body, nameFrom, nameTo);
    if (name == null || !Names.isMetricName(name.bytes)) {
      throw new ProtoFormatException(
          "invalid metric name: \"" + ProtoReader.printable(body, nameFrom, nameTo) + "\"", at);
    }
    help = symbols.intern(body, helpFrom, helpTo);
    if (help == null) {
      throw new ProtoFormatException(
          "invalid help for metric \"" + name.text + "\": " + printable(body, helpFrom, helpTo),
          at);
    }
    if (type < COUNTER || type > GAUGE_HISTOGRAM) {
      throw new ProtoFormatException(
          "unknown metric type for metric \"" + name.text + "\": " + type, at);
    }
  }

  /** Checks the unit: UTF-8, and a suffix of the name ({@code _total} aside for counters). */
  void checkUnit(SymbolTable symbols, byte[] body, int at) throws ProtoFormatException {
    unit = symbols.intern(body, unitFrom, unitTo);
    if (unit == null) {
      throw new ProtoFormatException(
          "invalid unit for metric \"" + name.text + "\": " + printable(body, unitFrom, unitTo),
          at);
    }
    if (!unit.text.isEmpty()) {
      checkUnitSuffix(at);
    }
  }

  private void checkUnitSuffix(int at) throws ProtoFormatException {
    String n = name.text;
    String u = unit.text;
    if (type == COUNTER && n.endsWith("_total")) {
      if (!n.substring(0, n.length() - 6).endsWith("_" + u)) {
        throw new ProtoFormatException(
            "unit \"" + u + "\" not a suffix of counter \"" + n + "\"", at);
      }
    } else if (!n.endsWith("_" + u)) {
      throw new ProtoFormatException("unit \"" + u + "\" not a suffix of metric \"" + n + "\"", at);
    }
  }

  private static String printable(byte[] body, int from, int to) {
    return ProtoReader.printable(body, from, to);
  }

  MetricType metricType() {
    return TYPES[type];
  }

  boolean isHistogram() {
    return type == HISTOGRAM || type == GAUGE_HISTOGRAM;
  }
}
