package io.scrapestream.sink.otlp;

import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.DataPointFlags;
import io.opentelemetry.proto.metrics.v1.Exemplar;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.scrapestream.core.batch.BatchRecords;
import io.scrapestream.schemas.v1.NativeHistogram;
import io.scrapestream.sink.DropReason;
import java.util.List;

/**
 * Native histograms as OTLP points, as the OpenTelemetry compatibility specification says: integer
 * counter histograms of an exponential schema (-4 to 8) become exponential histogram points (schema
 * to scale, sparse spans and deltas to dense bucket counts, overflow buckets dropped), those with
 * custom buckets (-53) explicit-bucket histogram points; gauge and float histograms and other
 * schemas are dropped. A sum holding the stale marker makes a point flagged {@code
 * NO_RECORDED_VALUE}.
 */
final class NativeHistogramPoints {
  static final int CUSTOM_BUCKETS_SCHEMA = -53;
  private static final int NO_RECORDED_VALUE =
      DataPointFlags.DATA_POINT_FLAGS_NO_RECORDED_VALUE_MASK_VALUE;

  private NativeHistogramPoints() {}

  /** What became of one native histogram sample. */
  sealed interface Result {}

  record Exponential(ExponentialHistogramDataPoint point) implements Result {}

  record Custom(HistogramDataPoint point) implements Result {}

  record Dropped(DropReason reason) implements Result {}

  /** The sample with its data point's attributes, timestamp and exemplars. */
  record Sample(
      NativeHistogram histogram,
      List<KeyValue> attributes,
      long timestampMs,
      List<Exemplar> exemplars) {}

  static Result convert(Sample sample) {
    NativeHistogram h = sample.histogram();
    if (h.getResetHint() == NativeHistogram.ResetHint.RESET_HINT_GAUGE) {
      return new Dropped(DropReason.GAUGE_HISTOGRAM);
    }
    if (h.getCountCase() == NativeHistogram.CountCase.COUNT_FLOAT
        || h.getZeroCountCase() == NativeHistogram.ZeroCountCase.ZERO_COUNT_FLOAT
        || h.getPositiveCountsCount() > 0
        || h.getNegativeCountsCount() > 0) {
      return new Dropped(DropReason.FLOAT_HISTOGRAM);
    }
    if (h.getSchema() == CUSTOM_BUCKETS_SCHEMA) {
      return custom(sample);
    }
    if (h.getSchema() < -4 || h.getSchema() > 8) {
      return new Dropped(DropReason.UNSUPPORTED_SCHEMA);
    }
    return exponential(sample);
  }

  private static Result exponential(Sample sample) {
    NativeHistogram h = sample.histogram();
    ExponentialHistogramDataPoint.Builder point =
        ExponentialHistogramDataPoint.newBuilder()
            .addAllAttributes(sample.attributes())
            .setTimeUnixNano(sample.timestampMs() * 1_000_000L);
    if (isStale(h)) {
      return new Exponential(point.setFlags(NO_RECORDED_VALUE).build());
    }
    DenseBuckets positive =
        DenseBuckets.of(h.getPositiveSpansList(), h.getPositiveDeltasList(), h.getSchema());
    DenseBuckets negative =
        DenseBuckets.of(h.getNegativeSpansList(), h.getNegativeDeltasList(), h.getSchema());
    if (positive == null || negative == null) {
      return new Dropped(DropReason.INVALID_HISTOGRAM);
    }
    return new Exponential(
        point
            .setCount(h.getZeroCountInt() + positive.total() + negative.total())
            .setSum(h.getSum())
            .setScale(h.getSchema())
            .setZeroCount(h.getZeroCountInt())
            .setZeroThreshold(h.getZeroThreshold())
            .setPositive(positive.toOtlp())
            .setNegative(negative.toOtlp())
            .addAllExemplars(sample.exemplars())
            .build());
  }

  private static Result custom(Sample sample) {
    NativeHistogram h = sample.histogram();
    HistogramDataPoint.Builder point =
        HistogramDataPoint.newBuilder()
            .addAllAttributes(sample.attributes())
            .setTimeUnixNano(sample.timestampMs() * 1_000_000L);
    if (isStale(h)) {
      return new Custom(point.setFlags(NO_RECORDED_VALUE).build());
    }
    long[] counts =
        DenseBuckets.custom(
            h.getPositiveSpansList(), h.getPositiveDeltasList(), h.getCustomValuesList());
    if (counts == null) {
      return new Dropped(DropReason.INVALID_HISTOGRAM);
    }
    point.addAllExplicitBounds(h.getCustomValuesList());
    for (long count : counts) {
      point.addBucketCounts(count);
    }
    return new Custom(
        point
            .setCount(h.getCountInt())
            .setSum(h.getSum())
            .addAllExemplars(sample.exemplars())
            .build());
  }

  private static boolean isStale(NativeHistogram h) {
    return BatchRecords.isStaleMarker(Double.doubleToRawLongBits(h.getSum()));
  }
}
