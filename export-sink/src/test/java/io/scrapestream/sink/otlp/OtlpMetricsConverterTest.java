package io.scrapestream.sink.otlp;

import static io.scrapestream.sink.ScrapeBatchBuilder.STALE_MARKER;
import static io.scrapestream.sink.ScrapeBatchBuilder.batch;
import static io.scrapestream.sink.otlp.OtlpFixtures.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.scrapestream.schemas.v1.MetricType;
import io.scrapestream.schemas.v1.NativeHistogram;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import io.scrapestream.sink.DropReason;
import io.scrapestream.sink.series.InvalidBatchException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtlpMetricsConverterTest {
  private static final long NANOS = 1000 * 1_000_000L;

  @Test
  void shouldDropHistogramWhenCountIsMissing() {
    OtlpMetricsConverter.Conversion conversion =
        convert(
            histogramFamily()
                .sample(1, "__name__", "h_bucket", "le", "+Inf")
                .sample(2.5, "__name__", "h_sum")
                .build());

    assertThat(conversion.request().getResourceMetricsCount()).isZero();
    assertThat(conversion.dataPoints()).isZero();
    assertThat(conversion.dropped()).isEqualTo(Map.of(DropReason.INCOMPLETE, 2L));
  }

  @Test
  void shouldUseCountForLastBucketAndLeaveSumUnsetWhenInfBucketAndSumAreMissing() {
    HistogramDataPoint point =
        only(histogramFamily()
                .sample(3, "__name__", "h_bucket", "le", "1e-3")
                .sample(4, "__name__", "h_count")
                .build())
            .getHistogram()
            .getDataPoints(0);

    assertThat(point)
        .isEqualTo(
            HistogramDataPoint.newBuilder()
                .setTimeUnixNano(NANOS)
                .setCount(4)
                .addExplicitBounds(0.001)
                .addAllBucketCounts(List.of(3L, 1L))
                .build());
  }

  @Test
  void shouldDropHistogramWhenCumulativeBucketsDecrease() {
    OtlpMetricsConverter.Conversion conversion =
        convert(
            histogramFamily()
                .sample(5, "__name__", "h_bucket", "le", "1")
                .sample(4, "__name__", "h_bucket", "le", "2")
                .sample(5, "__name__", "h_count")
                .build());

    assertThat(conversion.dataPoints()).isZero();
    assertThat(conversion.dropped()).isEqualTo(Map.of(DropReason.INVALID_HISTOGRAM, 3L));
  }

  @Test
  void shouldFlagPointWithoutValuesWhenHistogramSeriesAreStale() {
    HistogramDataPoint point =
        only(histogramFamily()
                .sampleBits(STALE_MARKER, "__name__", "h_bucket", "le", "+Inf")
                .sampleBits(STALE_MARKER, "__name__", "h_count")
                .sampleBits(STALE_MARKER, "__name__", "h_sum")
                .build())
            .getHistogram()
            .getDataPoints(0);

    assertThat(point)
        .isEqualTo(HistogramDataPoint.newBuilder().setTimeUnixNano(NANOS).setFlags(1).build());
  }

  @Test
  void shouldSetSummarySumToZeroWhenSumIsMissing() {
    Metric metric =
        only(
            batch("t", 1000)
                .metadata("s", MetricType.METRIC_TYPE_SUMMARY, "", "")
                .sample(3, "__name__", "s", "quantile", "0.9")
                .sample(8, "__name__", "s_count")
                .build());

    assertThat(metric.getSummary().getDataPoints(0).getSum()).isEqualTo(0.0);
    assertThat(metric.getSummary().getDataPoints(0).getCount()).isEqualTo(8);
    assertThat(metric.getSummary().getDataPoints(0).getQuantileValues(0).getQuantile())
        .isEqualTo(0.9);
  }

  @Test
  void shouldTakeScopeFromOtelScopeLabelsWhenSeriesHasThem() {
    ScopeMetrics scope =
        convert(
                batch("t", 1000)
                    .sample(
                        1,
                        "__name__",
                        "m",
                        "a",
                        "x",
                        "otel_scope_mascot",
                        "gopher",
                        "otel_scope_name",
                        "lib",
                        "otel_scope_schema_url",
                        "https://opentelemetry.io/schemas/1.31.0",
                        "otel_scope_version",
                        "v1")
                    .build())
            .request()
            .getResourceMetrics(0)
            .getScopeMetrics(0);

    assertThat(scope.getScope())
        .isEqualTo(
            InstrumentationScope.newBuilder()
                .setName("lib")
                .setVersion("v1")
                .addAttributes(str("mascot", "gopher"))
                .build());
    assertThat(scope.getSchemaUrl()).isEqualTo("https://opentelemetry.io/schemas/1.31.0");
    assertThat(scope.getMetrics(0).getGauge().getDataPoints(0).getAttributesList())
        .containsExactly(str("a", "x"));
  }

  @Test
  void shouldMakeNonMonotonicSumsWhenFamiliesAreInfoOrStateset() {
    List<Metric> metrics =
        convert(
                batch("t", 1000)
                    .metadata("build", MetricType.METRIC_TYPE_INFO, "", "")
                    .metadata("state", MetricType.METRIC_TYPE_STATESET, "", "")
                    .sample(1, "__name__", "build_info", "version", "1")
                    .sample(0, "__name__", "state", "state", "a")
                    .build())
            .request()
            .getResourceMetrics(0)
            .getScopeMetrics(0)
            .getMetricsList();

    assertThat(metrics).extracting(Metric::getName).containsExactly("build_info", "state");
    assertThat(metrics).allSatisfy(m -> assertThat(m.getSum().getIsMonotonic()).isFalse());
    assertThat(metrics.get(1).getMetadata(0)).isEqualTo(str("prometheus.type", "stateset"));
  }

  @Test
  void shouldKeepJobLabelOnPointWhenItDiffersFromTargetJob() {
    NumberDataPoint point =
        only(batch("t", 1000)
                .target("federate", "https://fed.example", "instance", "fed:443", "job", "federate")
                .sample(1, "__name__", "m", "instance", "fed:443", "job", "app")
                .build())
            .getGauge()
            .getDataPoints(0);

    assertThat(point.getAttributesList()).containsExactly(str("job", "app"));
  }

  @Test
  void shouldMergeScrapesOfOneTargetWhenBatchesShareResource() {
    OtlpMetricsConverter.Conversion conversion =
        OtlpMetricsConverter.convert(
            List.of(
                batch("t", 1000).target("j", "http://h:80/m").sample(1, "__name__", "m").build(),
                batch("t", 2000).target("j", "http://h:80/m").sample(2, "__name__", "m").build()));

    assertThat(conversion.dataPoints()).isEqualTo(2);
    ResourceMetrics resource = conversion.request().getResourceMetrics(0);
    assertThat(conversion.request().getResourceMetricsCount()).isEqualTo(1);
    assertThat(resource.getResource().getAttributesList())
        .containsExactly(
            str("service.name", "j"),
            str("service.instance.id", "h:80"),
            str("server.address", "h"),
            OtlpFixtures.integer("server.port", 80),
            str("url.scheme", "http"));
    assertThat(resource.getScopeMetrics(0).getMetrics(0).getGauge().getDataPointsList())
        .extracting(NumberDataPoint::getTimeUnixNano, NumberDataPoint::getAsDouble)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(NANOS, 1.0),
            org.assertj.core.groups.Tuple.tuple(2 * NANOS, 2.0));
  }

  @Test
  void shouldRejectBatchWhenSeriesHasNoName() {
    ScrapeBatch nameless = batch("t9", 1000).sample(1, "job", "j").build();

    assertThatThrownBy(() -> OtlpMetricsConverter.convert(List.of(nameless)))
        .isInstanceOf(InvalidBatchException.class)
        .hasMessage(
            "invalid batch of target 't9': series 0: labels must include __name__. Found: {job=j}");
  }

  private static io.scrapestream.sink.ScrapeBatchBuilder histogramFamily() {
    return batch("t", 1000).metadata("h", MetricType.METRIC_TYPE_HISTOGRAM, "", "");
  }

  private static ScrapeBatch nativeBatch(NativeHistogram.Builder histogram) {
    return batch("t", 1000)
        .series(Series.newBuilder().setHistogram(histogram), "__name__", "n")
        .build();
  }

  private static OtlpMetricsConverter.Conversion convert(ScrapeBatch batch) {
    return OtlpMetricsConverter.convert(List.of(batch));
  }

  /** The one metric of a conversion, which must have no drops. */
  private static Metric only(ScrapeBatch batch) {
    OtlpMetricsConverter.Conversion conversion = convert(batch);
    assertThat(conversion.dropped()).isEmpty();
    assertThat(conversion.dataPoints()).isEqualTo(1);
    return conversion.request().getResourceMetrics(0).getScopeMetrics(0).getMetrics(0);
  }
}
