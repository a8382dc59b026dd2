package io.scrapestream.sink.otlp;

import static io.scrapestream.sink.ScrapeBatchBuilder.STALE_MARKER;
import static io.scrapestream.sink.ScrapeBatchBuilder.batch;
import static io.scrapestream.sink.otlp.OtlpFixtures.buckets;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.scrapestream.schemas.v1.BucketSpan;
import io.scrapestream.schemas.v1.NativeHistogram;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import io.scrapestream.sink.DropReason;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Native histograms through {@link OtlpMetricsConverter}: the rules that drop or reshape them. */
class NativeHistogramConversionTest {
  private static final long NANOS = 1000 * 1_000_000L;

  @Test
  void shouldMakeExplicitBucketHistogramWhenNativeHistogramHasCustomBuckets() {
    NativeHistogram.Builder nhcb =
        NativeHistogram.newBuilder()
            .setSchema(-53)
            .setCountInt(9)
            .setSum(20)
            .addAllCustomValues(List.of(1.0, 5.0))
            .addPositiveSpans(BucketSpan.newBuilder().setOffset(1).setLength(2))
            .addAllPositiveDeltas(List.of(4L, 1L));

    Metric metric = only(nativeBatch(nhcb));

    assertThat(metric.getHistogram().getDataPoints(0))
        .isEqualTo(
            HistogramDataPoint.newBuilder()
                .setTimeUnixNano(NANOS)
                .setCount(9)
                .setSum(20)
                .addAllExplicitBounds(List.of(1.0, 5.0))
                .addAllBucketCounts(List.of(0L, 4L, 5L))
                .build());
  }

  @Test
  void shouldLeaveOverflowBucketsOutWhenNativeHistogramReachesBeyondDoubles() {
    NativeHistogram.Builder wide =
        NativeHistogram.newBuilder()
            .setSchema(-4)
            .setCountInt(10)
            .setSum(1e300)
            .addPositiveSpans(BucketSpan.newBuilder().setOffset(63).setLength(2))
            .addAllPositiveDeltas(List.of(3L, 4L));

    ExponentialHistogramDataPoint point =
        only(nativeBatch(wide)).getExponentialHistogram().getDataPoints(0);

    assertThat(point.getPositive()).isEqualTo(buckets(62, 3));
    assertThat(point.getCount()).isEqualTo(3);
    assertThat(point.getScale()).isEqualTo(-4);
  }

  @Test
  void shouldDropNativeHistogramsWhenGaugeFloatOrOfUnknownSchema() {
    OtlpMetricsConverter.Conversion conversion =
        OtlpMetricsConverter.convert(
            List.of(
                nativeBatch(
                    OtlpFixtures.nativeHistogram()
                        .setResetHint(NativeHistogram.ResetHint.RESET_HINT_GAUGE)),
                nativeBatch(OtlpFixtures.nativeHistogram().setCountFloat(11)),
                nativeBatch(OtlpFixtures.nativeHistogram().setSchema(9))));

    assertThat(conversion.dataPoints()).isZero();
    assertThat(conversion.dropped())
        .isEqualTo(
            Map.of(
                DropReason.GAUGE_HISTOGRAM, 1L,
                DropReason.FLOAT_HISTOGRAM, 1L,
                DropReason.UNSUPPORTED_SCHEMA, 1L));
  }

  @Test
  void shouldFlagNativeHistogramPointWhenSumIsStaleMarker() {
    ExponentialHistogramDataPoint point =
        only(nativeBatch(
                OtlpFixtures.nativeHistogram().setSum(Double.longBitsToDouble(STALE_MARKER))))
            .getExponentialHistogram()
            .getDataPoints(0);

    assertThat(point)
        .isEqualTo(
            ExponentialHistogramDataPoint.newBuilder().setTimeUnixNano(NANOS).setFlags(1).build());
  }

  private static ScrapeBatch nativeBatch(NativeHistogram.Builder histogram) {
    return batch("t", 1000)
        .series(Series.newBuilder().setHistogram(histogram), "__name__", "n")
        .build();
  }

  /** The one metric of a conversion, which must have no drops. */
  private static Metric only(ScrapeBatch batch) {
    OtlpMetricsConverter.Conversion conversion = OtlpMetricsConverter.convert(List.of(batch));
    assertThat(conversion.dropped()).isEmpty();
    assertThat(conversion.dataPoints()).isEqualTo(1);
    return conversion.request().getResourceMetrics(0).getScopeMetrics(0).getMetrics(0);
  }
}
