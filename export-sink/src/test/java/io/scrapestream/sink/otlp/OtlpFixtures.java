package io.scrapestream.sink.otlp;

import static io.scrapestream.sink.ScrapeBatchBuilder.STALE_MARKER;
import static io.scrapestream.sink.ScrapeBatchBuilder.batch;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Exemplar;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogram;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.metrics.v1.Summary;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import io.opentelemetry.proto.resource.v1.Resource;
import io.scrapestream.schemas.v1.BucketSpan;
import io.scrapestream.schemas.v1.MetricType;
import io.scrapestream.schemas.v1.NativeHistogram;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import io.scrapestream.sink.ScrapeBatchBuilder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One scrape holding every metric type, and the OTLP request it must become, written out field by
 * field from the OpenTelemetry compatibility specification.
 */
final class OtlpFixtures {
  static final long TS = 1_700_000_001_000L;
  static final long TS_NANOS = TS * 1_000_000L;
  static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String SPAN = "00f067aa0ba902b7";
  private static final AggregationTemporality CUMULATIVE =
      AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE;

  private OtlpFixtures() {}

  /** A scrape of job node at 10.0.0.1:9100 with one family of each type and a stale series. */
  static ScrapeBatch everyType() {
    ScrapeBatchBuilder b =
        batch("t1", TS)
            .target(
                "node",
                "http://10.0.0.1:9100/metrics",
                "env",
                "prod",
                "instance",
                "10.0.0.1:9100",
                "job",
                "node")
            .resource("k8s.pod.name", "p1")
            .metadata("http_requests", MetricType.METRIC_TYPE_COUNTER, "Requests.", "")
            .metadata("temperature_celsius", MetricType.METRIC_TYPE_GAUGE, "Heat.", "celsius")
            .metadata("rpc_seconds", MetricType.METRIC_TYPE_HISTOGRAM, "RPCs.", "seconds")
            .metadata("gc_seconds", MetricType.METRIC_TYPE_SUMMARY, "GC.", "seconds")
            .metadata("latency_seconds", MetricType.METRIC_TYPE_HISTOGRAM, "Latency.", "")
            .metadata("target", MetricType.METRIC_TYPE_INFO, "", "");
    b.series(
        Series.newBuilder()
            .setValueBits(bits(42))
            .addExemplars(
                io.scrapestream.schemas.v1.Exemplar.newBuilder()
                    .addAllLabelRefs(b.refs("span_id", SPAN, "trace_id", TRACE, "user", "u"))
                    .setValueBits(bits(1))
                    .setTimestampMs(999)),
        labels("http_requests_total", "code", "200"));
    b.sample(1_700_000_000.5, labels("http_requests_created", "code", "200"));
    b.sample(21.5, labels("temperature_celsius"));
    b.sample(7, labels("mystery"));
    b.sample(2, labels("rpc_seconds_bucket", "le", "0.1"));
    b.sample(5, labels("rpc_seconds_bucket", "le", "1"));
    b.sample(6, labels("rpc_seconds_bucket", "le", "+Inf"));
    b.sample(6, labels("rpc_seconds_count"));
    b.sample(3.5, labels("rpc_seconds_sum"));
    b.sample(0.01, labels("gc_seconds", "quantile", "0.5"));
    b.sample(0.2, labels("gc_seconds", "quantile", "0.99"));
    b.sample(10, labels("gc_seconds_count"));
    b.sample(0.5, labels("gc_seconds_sum"));
    b.series(Series.newBuilder().setHistogram(nativeHistogram()), labels("latency_seconds"));
    b.sampleBits(STALE_MARKER, labels("gone"));
    b.sample(1, labels("target_info", "version", "1.2"));
    return b.build();
  }

  /** Schema 0: zero bucket 1; positive buckets 1..2 = 2, 3 and bucket 4 = 1; negative 2 = 4. */
  static NativeHistogram.Builder nativeHistogram() {
    return NativeHistogram.newBuilder()
        .setCountInt(11)
        .setSum(12.5)
        .setSchema(0)
        .setZeroThreshold(1e-128)
        .setZeroCountInt(1)
        .addPositiveSpans(BucketSpan.newBuilder().setOffset(1).setLength(2))
        .addPositiveSpans(BucketSpan.newBuilder().setOffset(1).setLength(1))
        .addAllPositiveDeltas(List.of(2L, 1L, -2L))
        .addNegativeSpans(BucketSpan.newBuilder().setOffset(2).setLength(1))
        .addNegativeDeltas(4);
  }

  static ExportMetricsServiceRequest everyTypeRequest() {
    List<KeyValue> attrs = List.of(str("env", "prod"));
    List<Metric> metrics = new ArrayList<>();
    metrics.add(
        metric("http_requests_total", "Requests.", "", "counter")
            .setSum(
                Sum.newBuilder()
                    .setAggregationTemporality(CUMULATIVE)
                    .setIsMonotonic(true)
                    .addDataPoints(
                        NumberDataPoint.newBuilder()
                            .addAttributes(str("code", "200"))
                            .addAllAttributes(attrs)
                            .setStartTimeUnixNano(1_700_000_000_500_000_000L)
                            .setTimeUnixNano(TS_NANOS)
                            .setAsDouble(42)
                            .addExemplars(
                                Exemplar.newBuilder()
                                    .addFilteredAttributes(str("user", "u"))
                                    .setTimeUnixNano(999_000_000L)
                                    .setAsDouble(1)
                                    .setTraceId(ByteString.copyFrom(HexFormat.of().parseHex(TRACE)))
                                    .setSpanId(
                                        ByteString.copyFrom(HexFormat.of().parseHex(SPAN))))))
            .build());
    metrics.add(
        metric("temperature_celsius", "Heat.", "Cel", "gauge")
            .setGauge(Gauge.newBuilder().addDataPoints(number(attrs).setAsDouble(21.5)))
            .build());
    metrics.add(
        metric("mystery", "", "", "unknown")
            .setGauge(Gauge.newBuilder().addDataPoints(number(attrs).setAsDouble(7)))
            .build());
    metrics.add(
        metric("rpc_seconds", "RPCs.", "s", "histogram")
            .setHistogram(
                Histogram.newBuilder()
                    .setAggregationTemporality(CUMULATIVE)
                    .addDataPoints(
                        HistogramDataPoint.newBuilder()
                            .addAllAttributes(attrs)
                            .setTimeUnixNano(TS_NANOS)
                            .setCount(6)
                            .setSum(3.5)
                            .addAllExplicitBounds(List.of(0.1, 1.0))
                            .addAllBucketCounts(List.of(2L, 3L, 1L))))
            .build());
    metrics.add(
        metric("gc_seconds", "GC.", "s", "summary")
            .setSummary(
                Summary.newBuilder()
                    .addDataPoints(
                        SummaryDataPoint.newBuilder()
                            .addAllAttributes(attrs)
                            .setTimeUnixNano(TS_NANOS)
                            .setCount(10)
                            .setSum(0.5)
                            .addQuantileValues(quantile(0.5, 0.01))
                            .addQuantileValues(quantile(0.99, 0.2))))
            .build());
    metrics.add(
        metric("latency_seconds", "Latency.", "", "histogram")
            .setExponentialHistogram(
                ExponentialHistogram.newBuilder()
                    .setAggregationTemporality(CUMULATIVE)
                    .addDataPoints(
                        ExponentialHistogramDataPoint.newBuilder()
                            .addAllAttributes(attrs)
                            .setTimeUnixNano(TS_NANOS)
                            .setCount(11)
                            .setSum(12.5)
                            .setScale(0)
                            .setZeroCount(1)
                            .setZeroThreshold(1e-128)
                            .setPositive(buckets(0, 2, 3, 0, 1))
                            .setNegative(buckets(1, 4))))
            .build());
    metrics.add(
        metric("gone", "", "", "unknown")
            .setGauge(Gauge.newBuilder().addDataPoints(number(attrs).setFlags(1)))
            .build());
    return ExportMetricsServiceRequest.newBuilder()
        .addResourceMetrics(
            ResourceMetrics.newBuilder()
                .setResource(
                    Resource.newBuilder()
                        .addAttributes(str("service.name", "node"))
                        .addAttributes(str("service.instance.id", "10.0.0.1:9100"))
                        .addAttributes(str("server.address", "10.0.0.1"))
                        .addAttributes(integer("server.port", 9100))
                        .addAttributes(str("url.scheme", "http"))
                        .addAttributes(str("k8s.pod.name", "p1"))
                        .addAttributes(str("env", "prod"))
                        .addAttributes(str("version", "1.2")))
                .addScopeMetrics(
                    ScopeMetrics.newBuilder()
                        .setScope(
                            InstrumentationScope.newBuilder()
                                .setName("io.scrapestream.sink.otlp")
                                .setVersion(OtlpProtocol.MODULE_VERSION))
                        .addAllMetrics(metrics)))
        .build();
  }

  /**
   * The labels of a series of the fixture's target: its name, {@code extra} pairs, then env,
   * instance, job.
   */
  static String[] labels(String name, String... extra) {
    List<String> labels = new ArrayList<>(List.of("__name__", name));
    labels.addAll(List.of(extra));
    labels.addAll(List.of("env", "prod", "instance", "10.0.0.1:9100", "job", "node"));
    return labels.toArray(String[]::new);
  }

  static KeyValue str(String key, String value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setStringValue(value))
        .build();
  }

  static KeyValue integer(String key, long value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setIntValue(value))
        .build();
  }

  static Metric.Builder metric(String name, String description, String unit, String type) {
    return Metric.newBuilder()
        .setName(name)
        .setDescription(description)
        .setUnit(unit)
        .addMetadata(str("prometheus.type", type));
  }

  private static NumberDataPoint.Builder number(List<KeyValue> attributes) {
    return NumberDataPoint.newBuilder().addAllAttributes(attributes).setTimeUnixNano(TS_NANOS);
  }

  private static SummaryDataPoint.ValueAtQuantile quantile(double quantile, double value) {
    return SummaryDataPoint.ValueAtQuantile.newBuilder()
        .setQuantile(quantile)
        .setValue(value)
        .build();
  }

  static ExponentialHistogramDataPoint.Buckets buckets(int offset, long... counts) {
    ExponentialHistogramDataPoint.Buckets.Builder buckets =
        ExponentialHistogramDataPoint.Buckets.newBuilder().setOffset(offset);
    for (long count : counts) {
      buckets.addBucketCounts(count);
    }
    return buckets.build();
  }

  static long bits(double value) {
    return Double.doubleToRawLongBits(value);
  }
}
