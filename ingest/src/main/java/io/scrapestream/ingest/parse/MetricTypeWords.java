package io.scrapestream.ingest.parse;

import java.nio.charset.StandardCharsets;

/** The TYPE words of each format, matched against the body's bytes without making a string. */
final class MetricTypeWords {

  static final MetricTypeWords TEXT =
      new MetricTypeWords(
          MetricType.COUNTER,
          MetricType.GAUGE,
          MetricType.HISTOGRAM,
          MetricType.SUMMARY,
          MetricType.UNTYPED);
  static final MetricTypeWords OPENMETRICS =
      new MetricTypeWords(
          MetricType.COUNTER,
          MetricType.GAUGE,
          MetricType.HISTOGRAM,
          MetricType.GAUGEHISTOGRAM,
          MetricType.SUMMARY,
          MetricType.INFO,
          MetricType.STATESET,
          MetricType.UNKNOWN);

  private final MetricType[] types;
  private final byte[][] words;

  private MetricTypeWords(MetricType... types) {
    this.types = types;
    this.words = new byte[types.length][];
    for (int i = 0; i < types.length; i++) {
      words[i] =
          types[i].name().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    }
  }

  /** The type that {@code [from, to)} of the body spells exactly, or null. */
  MetricType match(ByteCursor c, int from, int to) {
    int i = c.matchWord(from, to, words);
    return i < 0 ? null : types[i];
  }

  /** The words for an error message: {@code counter, gauge, ... or untyped}. */
  String describe() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words.length; i++) {
      sb.append(i == 0 ? "" : i == words.length - 1 ? " or " : ", ");
      sb.append(new String(words[i], StandardCharsets.US_ASCII));
    }
    return sb.toString();
  }
}
