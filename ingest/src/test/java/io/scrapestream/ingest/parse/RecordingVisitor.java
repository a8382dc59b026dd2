package io.scrapestream.ingest.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Records what a parser reports as canonical text lines, so that a test can compare exact series:
 * {@code SAMPLE {__name__="a",b="c"} 1.5 @123}, values rendered from their raw bits ({@code NaN}
 * only for Prometheus's normal NaN, {@code +Inf}, {@code -Inf}, else {@link Double#toString}).
 */
final class RecordingVisitor implements SampleVisitor {

  final List<String> events = new ArrayList<>();
  int samples;

  @Override
  public void type(String family, MetricType type) {
    events.add("TYPE " + family + " " + type.name().toLowerCase(java.util.Locale.ROOT));
  }

  @Override
  public void help(String family, String help) {
    events.add("HELP " + family + " " + quote(help));
  }

  @Override
  public void unit(String family, String unit) {
    events.add("UNIT " + family + " " + unit);
  }

  @Override
  public void sample(LabelView labels, long valueBits, boolean hasTimestamp, long timestampMs) {
    samples++;
    events.add("SAMPLE " + render(labels, valueBits, hasTimestamp, timestampMs));
  }

  @Override
  public void exemplar(LabelView labels, long valueBits, boolean hasTimestamp, long timestampMs) {
    events.add("EXEMPLAR " + render(labels, valueBits, hasTimestamp, timestampMs));
  }

  @Override
  public void histogram(
      LabelView labels, io.scrapestream.schemas.v1.NativeHistogram h, boolean hasTs, long ts) {
    samples++;
    StringBuilder json = new StringBuilder();
    HistogramJson.append(h, json);
    String rendered = labels(labels) + " " + json;
    events.add("HISTOGRAM " + (hasTs ? rendered + " @" + ts : rendered));
  }

  static String render(LabelView labels, long bits, boolean hasTs, long ts) {
    String rendered = labels(labels) + " " + value(bits);
    return hasTs ? rendered + " @" + ts : rendered;
  }

  static String labels(LabelView labels) {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < labels.size(); i++) {
      sb.append(i == 0 ? "" : ",")
          .append(labels.name(i))
          .append('=')
          .append(quote(labels.value(i)));
    }
    return sb.append('}').toString();
  }

  static String value(long bits) {
    double d = Double.longBitsToDouble(bits);
    if (bits == NumberParser.NORMAL_NAN_BITS) {
      return "NaN";
    }
    if (Double.isNaN(d)) {
      return "NaN(0x" + Long.toHexString(bits) + ")";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "+Inf" : "-Inf";
    }
    return Double.toString(d);
  }

  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '\n' -> sb.append("\\n");
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        default -> sb.append(ch < 0x20 ? String.format("\\u%04x", (int) ch) : String.valueOf(ch));
      }
    }
    return sb.append('"').toString();
  }
}
