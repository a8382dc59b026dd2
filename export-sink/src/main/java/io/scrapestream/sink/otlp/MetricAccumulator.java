package io.scrapestream.sink.otlp;

import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogram;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.MetricOrBuilder;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.metrics.v1.Summary;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import io.scrapestream.schemas.v1.MetricType;
import io.scrapestream.sink.otlp.MetricFamilies.Family;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The data points of one OTLP metric, gathered from the series of one metric family (in one
 * resource and scope), by attributes and timestamp.
 */
final class MetricAccumulator {
  private static final AggregationTemporality CUMULATIVE =
      AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE;

  /** The OTLP data type of a metric. */
  enum Kind {
    GAUGE,
    MONOTONIC_SUM,
    NON_MONOTONIC_SUM,
    HISTOGRAM,
    EXPONENTIAL_HISTOGRAM,
    SUMMARY
  }

  /** A metric within a scope: one per family and data type. */
  record Key(String family, Kind kind) {}

  private record PointKey(List<KeyValue> attributes, long timestampMs) {}

  private final Family family;
  private final Kind kind;
  private final Map<PointKey, PointParts> parts = new LinkedHashMap<>();
  private final List<HistogramDataPoint> customPoints = new ArrayList<>();
  private final List<ExponentialHistogramDataPoint> exponentialPoints = new ArrayList<>();
  private String name;

  MetricAccumulator(Family family, Kind kind) {
    this.family = family;
    this.kind = kind;
    this.name = family.name();
  }

  /** The data type of a float-sample family: counters are monotonic sums, and so on. */
  static Kind kindOf(MetricType type) {
    return switch (type) {
      case METRIC_TYPE_COUNTER -> Kind.MONOTONIC_SUM;
      case METRIC_TYPE_INFO, METRIC_TYPE_STATESET -> Kind.NON_MONOTONIC_SUM;
      case METRIC_TYPE_HISTOGRAM -> Kind.HISTOGRAM;
      case METRIC_TYPE_SUMMARY -> Kind.SUMMARY;
      default -> Kind.GAUGE;
    };
  }

  /** The metric takes the name of its value series ({@code foo_total} of counter {@code foo}). */
  void nameAfter(String seriesName) {
    name = seriesName;
  }

  PointParts parts(List<KeyValue> attributes, long timestampMs) {
    return parts.computeIfAbsent(
        new PointKey(attributes, timestampMs), key -> new PointParts(attributes, timestampMs));
  }

  void add(NativeHistogramPoints.Result point) {
    if (point instanceof NativeHistogramPoints.Exponential exponential) {
      exponentialPoints.add(exponential.point());
    } else if (point instanceof NativeHistogramPoints.Custom custom) {
      customPoints.add(custom.point());
    }
  }

  /** The metric, or empty when none of its points could be made. */
  Optional<Metric> build(Drops drops) {
    Metric.Builder metric =
        Metric.newBuilder()
            .setName(name)
            .setDescription(family.help())
            .setUnit(OtlpUnits.toOtlp(family.unit()))
            .addMetadata(KeyValues.string("prometheus.type", typeName(family.type())));
    switch (kind) {
      case GAUGE -> metric.setGauge(Gauge.newBuilder().addAllDataPoints(numbers(drops)));
      case MONOTONIC_SUM, NON_MONOTONIC_SUM -> metric.setSum(sum(drops));
      case HISTOGRAM -> metric.setHistogram(histogram(drops));
      case EXPONENTIAL_HISTOGRAM ->
          metric.setExponentialHistogram(
              ExponentialHistogram.newBuilder()
                  .setAggregationTemporality(CUMULATIVE)
                  .addAllDataPoints(exponentialPoints));
      case SUMMARY -> metric.setSummary(Summary.newBuilder().addAllDataPoints(summaries(drops)));
    }
    return dataPoints(metric) == 0 ? Optional.empty() : Optional.of(metric.build());
  }

  /** The number of data points of a metric, whatever its type. */
  static int dataPoints(MetricOrBuilder metric) {
    return switch (metric.getDataCase()) {
      case GAUGE -> metric.getGauge().getDataPointsCount();
      case SUM -> metric.getSum().getDataPointsCount();
      case HISTOGRAM -> metric.getHistogram().getDataPointsCount();
      case EXPONENTIAL_HISTOGRAM -> metric.getExponentialHistogram().getDataPointsCount();
      case SUMMARY -> metric.getSummary().getDataPointsCount();
      case DATA_NOT_SET -> 0;
    };
  }

  private Sum sum(Drops drops) {
    return Sum.newBuilder()
        .setAggregationTemporality(CUMULATIVE)
        .setIsMonotonic(kind == Kind.MONOTONIC_SUM)
        .addAllDataPoints(numbers(drops))
        .build();
  }

  private Histogram histogram(Drops drops) {
    List<HistogramDataPoint> points = new ArrayList<>();
    parts.values().forEach(p -> p.histogram(drops).ifPresent(points::add));
    points.addAll(customPoints);
    return Histogram.newBuilder()
        .setAggregationTemporality(CUMULATIVE)
        .addAllDataPoints(points)
        .build();
  }

  private List<NumberDataPoint> numbers(Drops drops) {
    List<NumberDataPoint> points = new ArrayList<>();
    parts.values().forEach(p -> p.number(drops).ifPresent(points::add));
    return points;
  }

  private List<SummaryDataPoint> summaries(Drops drops) {
    List<SummaryDataPoint> points = new ArrayList<>();
    parts.values().forEach(p -> p.summary(drops).ifPresent(points::add));
    return points;
  }

  /** The {@code prometheus.type} metadata: the type's OpenMetrics name. */
  static String typeName(MetricType type) {
    return type == MetricType.UNRECOGNIZED
        ? "unknown"
        : type.name().substring("METRIC_TYPE_".length()).toLowerCase(Locale.ROOT);
  }
}
