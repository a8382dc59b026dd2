package io.scrapestream.core.transform;

import io.scrapestream.core.batch.BatchRecords;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs an {@link Aggregate} step over a batch. How values combine:
 *
 * <ul>
 *   <li>Stale markers ({@code 0x7ff0000000000002}) are not values: they are left out of every
 *       group. A group of only stale markers yields a stale marker, so the aggregate goes stale
 *       when all its inputs do.
 *   <li>NaN is a value: {@code sum} and {@code mean} of a group holding NaN are NaN; {@code min}
 *       and {@code max} skip NaN unless every value is NaN (then NaN), like PromQL's {@code
 *       min}/{@code max}; {@code count} counts it.
 * </ul>
 */
final class Aggregation {
  private Aggregation() {}

  static List<TransformSeries> apply(Aggregate step, List<TransformSeries> series) {
    Map<TreeMap<String, String>, List<TransformSeries>> groups = new HashMap<>();
    List<Slot> slots = new ArrayList<>();
    for (TransformSeries s : series) {
      if (!step.selects(s)) {
        slots.add(new Slot(s, null));
        continue;
      }
      groups
          .computeIfAbsent(
              groupLabels(step, s),
              key -> {
                List<TransformSeries> group = new ArrayList<>();
                slots.add(new Slot(null, group));
                return group;
              })
          .add(s);
    }
    List<TransformSeries> out = new ArrayList<>(slots.size());
    for (Slot slot : slots) {
      out.add(
          slot.passed() != null
              ? slot.passed()
              : combined(step.op(), groupLabels(step, slot.group().get(0)), slot.group()));
    }
    return out;
  }

  /** A place in the output: a series outside the step, or a group (at its first series). */
  private record Slot(TransformSeries passed, List<TransformSeries> group) {}

  private static TreeMap<String, String> groupLabels(Aggregate step, TransformSeries series) {
    TreeMap<String, String> labels = new TreeMap<>();
    labels.put("__name__", series.metricName());
    for (String name : step.keepLabels()) {
      String value = series.labels().get(name);
      if (value != null) {
        labels.put(name, value);
      }
    }
    return labels;
  }

  private static TransformSeries combined(
      AggregateOp op, TreeMap<String, String> labels, List<TransformSeries> group) {
    double[] values = new double[group.size()];
    int n = 0;
    for (TransformSeries s : group) {
      if (!BatchRecords.isStaleMarker(s.valueBits())) {
        values[n++] = Double.longBitsToDouble(s.valueBits());
      }
    }
    long bits =
        n == 0
            ? BatchRecords.STALE_MARKER_BITS
            : Double.doubleToRawLongBits(combine(op, values, n));
    return new TransformSeries(labels, bits, true, TransformSeries.AGGREGATED);
  }

  static double combine(AggregateOp op, double[] values, int n) {
    switch (op) {
      case SUM:
        return sum(values, n);
      case MEAN:
        return sum(values, n) / n;
      case COUNT:
        return n;
      case MIN:
      case MAX:
        return extreme(op == AggregateOp.MAX, values, n);
      default:
        throw new IllegalArgumentException("unknown aggregate op. Found: " + op);
    }
  }

  private static double sum(double[] values, int n) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += values[i];
    }
    return sum;
  }

  private static double extreme(boolean max, double[] values, int n) {
    double result = Double.NaN;
    for (int i = 0; i < n; i++) {
      double v = values[i];
      if (Double.isNaN(v)) {
        continue;
      }
      if (Double.isNaN(result) || (max ? v > result : v < result)) {
        result = v;
      }
    }
    return result;
  }
}
