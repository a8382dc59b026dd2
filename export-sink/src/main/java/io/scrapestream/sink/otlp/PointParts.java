package io.scrapestream.sink.otlp;

import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.DataPointFlags;
import io.opentelemetry.proto.metrics.v1.Exemplar;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import io.scrapestream.core.batch.BatchRecords;
import io.scrapestream.sink.DropReason;
import io.scrapestream.sink.otlp.MetricFamilies.Part;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The samples that make one OTLP data point: one value, or the buckets, count, sum and quantiles of
 * a classic histogram or summary (merged from their {@code _bucket}, {@code _count}, {@code _sum}
 * series), with the start time from {@code _created}. A stale marker in any of them makes a point
 * flagged {@code NO_RECORDED_VALUE} without values.
 */
final class PointParts {
  private static final int NO_RECORDED_VALUE =
      DataPointFlags.DATA_POINT_FLAGS_NO_RECORDED_VALUE_MASK_VALUE;

  private final List<KeyValue> attributes;
  private final long timestampMs;
  private final TreeMap<Double, Double> buckets = new TreeMap<>();
  private final TreeMap<Double, Double> quantiles = new TreeMap<>();
  private final List<Exemplar> exemplars = new ArrayList<>();
  private Double value;
  private Double count;
  private Double sum;
  private Double createdSeconds;
  private boolean stale;
  private boolean malformed;
  private long samples;

  PointParts(List<KeyValue> attributes, long timestampMs) {
    this.attributes = attributes;
    this.timestampMs = timestampMs;
  }

  /**
   * Adds one series' sample.
   *
   * @param bound the {@code le} of a bucket or the {@code quantile} of a quantile, else null
   */
  void add(Part part, long bits, String bound, List<Exemplar> sampleExemplars) {
    samples++;
    exemplars.addAll(sampleExemplars);
    stale |= BatchRecords.isStaleMarker(bits);
    double v = Double.longBitsToDouble(bits);
    switch (part) {
      case VALUE -> value = v;
      case CREATED -> createdSeconds = v;
      case COUNT -> count = v;
      case SUM -> sum = v;
      case BUCKET -> putBound(buckets, bound, v);
      case QUANTILE -> putBound(quantiles, bound, v);
      default -> throw new IllegalArgumentException("part: not a float sample. Found: " + part);
    }
  }

  Optional<NumberDataPoint> number(Drops drops) {
    if (value == null) {
      drops.add(DropReason.INCOMPLETE, samples);
      return Optional.empty();
    }
    NumberDataPoint.Builder point =
        NumberDataPoint.newBuilder()
            .addAllAttributes(attributes)
            .setStartTimeUnixNano(startNanos())
            .setTimeUnixNano(timestampMs * 1_000_000L)
            .addAllExemplars(exemplars);
    return Optional.of(
        stale ? point.setFlags(NO_RECORDED_VALUE).build() : point.setAsDouble(value).build());
  }

  Optional<HistogramDataPoint> histogram(Drops drops) {
    if (count == null) {
      drops.add(DropReason.INCOMPLETE, samples);
      return Optional.empty();
    }
    HistogramDataPoint.Builder point =
        HistogramDataPoint.newBuilder()
            .addAllAttributes(attributes)
            .setStartTimeUnixNano(startNanos())
            .setTimeUnixNano(timestampMs * 1_000_000L);
    if (stale) {
      return Optional.of(point.setFlags(NO_RECORDED_VALUE).build());
    }
    Optional<List<Long>> counts = malformed ? Optional.empty() : bucketCounts();
    if (counts.isEmpty() || !isCount(count)) {
      drops.add(DropReason.INVALID_HISTOGRAM, samples);
      return Optional.empty();
    }
    buckets.headMap(Double.POSITIVE_INFINITY).keySet().forEach(point::addExplicitBounds);
    point.addAllBucketCounts(counts.get()).setCount(Math.round(count)).addAllExemplars(exemplars);
    if (sum != null) {
      point.setSum(sum);
    }
    return Optional.of(point.build());
  }

  Optional<SummaryDataPoint> summary(Drops drops) {
    if (count == null || malformed || !isCount(count)) {
      drops.add(count == null ? DropReason.INCOMPLETE : DropReason.INVALID_HISTOGRAM, samples);
      return Optional.empty();
    }
    SummaryDataPoint.Builder point =
        SummaryDataPoint.newBuilder()
            .addAllAttributes(attributes)
            .setStartTimeUnixNano(startNanos())
            .setTimeUnixNano(timestampMs * 1_000_000L);
    if (stale) {
      return Optional.of(point.setFlags(NO_RECORDED_VALUE).build());
    }
    point.setCount(Math.round(count)).setSum(sum == null ? 0.0 : sum);
    for (Map.Entry<Double, Double> quantile : quantiles.entrySet()) {
      point.addQuantileValues(
          SummaryDataPoint.ValueAtQuantile.newBuilder()
              .setQuantile(quantile.getKey())
              .setValue(quantile.getValue()));
    }
    return Optional.of(point.build());
  }

  /**
   * Per-bucket counts from Prometheus's cumulative ones; the last bucket (to +Inf) is the +Inf
   * bucket's value, or the count when there is none. Empty when a count would be negative.
   */
  private Optional<List<Long>> bucketCounts() {
    List<Long> counts = new ArrayList<>();
    double previous = 0;
    for (Map.Entry<Double, Double> bucket : buckets.headMap(Double.POSITIVE_INFINITY).entrySet()) {
      double cumulative = bucket.getValue();
      if (!isCount(cumulative - previous)) {
        return Optional.empty();
      }
      counts.add(Math.round(cumulative - previous));
      previous = cumulative;
    }
    double total = buckets.getOrDefault(Double.POSITIVE_INFINITY, count);
    if (!isCount(total - previous)) {
      return Optional.empty();
    }
    counts.add(Math.round(total - previous));
    return Optional.of(counts);
  }

  private long startNanos() {
    if (createdSeconds == null || !(createdSeconds > 0) || Double.isInfinite(createdSeconds)) {
      return 0;
    }
    return Math.round(createdSeconds * 1e9);
  }

  private void putBound(TreeMap<Double, Double> bounds, String bound, double v) {
    Optional<Double> parsed = parseBound(bound);
    if (parsed.isEmpty()) {
      malformed = true;
    } else {
      bounds.put(parsed.get(), v);
    }
  }

  /** A Prometheus float label value ({@code 0.5}, {@code +Inf}); empty when it is none. */
  static Optional<Double> parseBound(String text) {
    if (text == null) {
      return Optional.empty();
    }
    switch (text) {
      case "+Inf", "Inf", "+inf", "inf" -> {
        return Optional.of(Double.POSITIVE_INFINITY);
      }
      case "-Inf", "-inf" -> {
        return Optional.of(Double.NEGATIVE_INFINITY);
      }
      default -> {
        try {
          double parsed = Double.parseDouble(text);
          return Double.isNaN(parsed) ? Optional.empty() : Optional.of(parsed);
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      }
    }
  }

  private static boolean isCount(double v) {
    return v >= 0 && !Double.isInfinite(v);
  }
}
