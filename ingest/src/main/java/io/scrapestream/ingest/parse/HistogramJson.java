package io.scrapestream.ingest.parse;

import io.scrapestream.schemas.v1.BucketSpan;
import io.scrapestream.schemas.v1.NativeHistogram;
import java.util.List;

/**
 * The JSON of a native histogram in {@code scrapestream parse} output, one object with the fields
 * of the batch's {@code NativeHistogram}, integer histograms:
 *
 * <pre>
 * {"schema":3,"zero_threshold":0.001,"zero_count":2,"count":12,"sum":30.5,
 *  "positive_spans":[{"offset":0,"length":2}],"positive_deltas":[3,-1],
 *  "negative_spans":[],"negative_deltas":[],"reset_hint":"unknown"}
 * </pre>
 *
 * float histograms the same with {@code "float":true} first, float {@code zero_count} and {@code
 * count}, and {@code positive_counts}/{@code negative_counts} (absolute counts) instead of the
 * deltas. Floats are JSON numbers, except {@code "NaN"}, {@code "+Inf"} and {@code "-Inf"}.
 */
final class HistogramJson {

  private HistogramJson() {}

  static void append(NativeHistogram h, StringBuilder sb) {
    boolean floats = h.getCountCase() == NativeHistogram.CountCase.COUNT_FLOAT;
    sb.append('{');
    if (floats) {
      sb.append("\"float\":true,");
    }
    sb.append("\"schema\":").append(h.getSchema());
    sb.append(",\"zero_threshold\":").append(number(h.getZeroThreshold()));
    sb.append(",\"zero_count\":")
        .append(
            floats ? number(h.getZeroCountFloat()) : Long.toUnsignedString(h.getZeroCountInt()));
    sb.append(",\"count\":")
        .append(floats ? number(h.getCountFloat()) : Long.toUnsignedString(h.getCountInt()));
    sb.append(",\"sum\":").append(number(h.getSum()));
    spans(sb, "positive_spans", h.getPositiveSpansList());
    buckets(sb, "positive", floats, h.getPositiveDeltasList(), h.getPositiveCountsList());
    spans(sb, "negative_spans", h.getNegativeSpansList());
    buckets(sb, "negative", floats, h.getNegativeDeltasList(), h.getNegativeCountsList());
    String hint = h.getResetHint().name().substring("RESET_HINT_".length());
    sb.append(",\"reset_hint\":\"").append(hint.toLowerCase(java.util.Locale.ROOT)).append("\"}");
  }

  private static void spans(StringBuilder sb, String name, List<BucketSpan> spans) {
    sb.append(",\"").append(name).append("\":[");
    for (int i = 0; i < spans.size(); i++) {
      sb.append(i == 0 ? "" : ",")
          .append("{\"offset\":")
          .append(spans.get(i).getOffset())
          .append(",\"length\":")
          .append(Integer.toUnsignedString(spans.get(i).getLength()))
          .append('}');
    }
    sb.append(']');
  }

  private static void buckets(
      StringBuilder sb, String side, boolean floats, List<Long> deltas, List<Double> counts) {
    sb.append(",\"").append(side).append(floats ? "_counts\":[" : "_deltas\":[");
    List<?> values = floats ? counts : deltas;
    for (int i = 0; i < values.size(); i++) {
      sb.append(i == 0 ? "" : ",");
      sb.append(floats ? number(counts.get(i)) : String.valueOf(deltas.get(i)));
    }
    sb.append(']');
  }

  /** A float as a JSON number, or as a string for the values JSON has no number for. */
  static String number(double v) {
    if (Double.isNaN(v)) {
      return "\"NaN\"";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "\"+Inf\"" : "\"-Inf\"";
    }
    return Double.toString(v);
  }
}
