package io.scrapestream.sink.remotewrite;

import static io.scrapestream.sink.ScrapeBatchBuilder.batch;
import static io.scrapestream.sink.remotewrite.WriteRequestConverterTest.label;
import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.schemas.prompb.Exemplar;
import io.scrapestream.schemas.prompb.Histogram;
import io.scrapestream.schemas.prompb.TimeSeries;
import io.scrapestream.schemas.v1.BucketSpan;
import io.scrapestream.schemas.v1.NativeHistogram;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import io.scrapestream.sink.ScrapeBatchBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesSamplesTest {

  @Test
  void shouldCopyEveryHistogramFieldWhenSeriesHasNativeHistogram() {
    TimeSeries series = convertOne(histogramSeries(integerHistogram()));

    assertThat(series.getSamplesCount()).isZero();
    assertThat(series.getHistogramsList())
        .containsExactly(expectedIntegerHistogram().setTimestamp(1000).build());
  }

  @Test
  void shouldLeaveOutHistogramSamplesWhenNativeHistogramsAreNotSent() {
    ScrapeBatch batch =
        batch("t1", 1000)
            .series(Series.newBuilder().setHistogram(integerHistogram()), "__name__", "h")
            .sample(1.0, "__name__", "f")
            .build();

    WriteRequestConverter.Conversion conversion =
        WriteRequestConverter.convert(List.of(batch), false, false);

    assertThat(conversion.request().getTimeseriesList())
        .extracting(series -> series.getLabels(0).getValue())
        .containsExactly("f");
    assertThat(conversion.samples()).isEqualTo(1);
  }

  @Test
  void shouldCopyFloatCountsWhenHistogramIsFloat() {
    NativeHistogram histogram =
        NativeHistogram.newBuilder()
            .setCountFloat(2.5)
            .setZeroCountFloat(0.5)
            .addPositiveCounts(2.0)
            .addNegativeCounts(0.5)
            .build();

    TimeSeries series = convertOne(histogramSeries(histogram));

    assertThat(series.getHistogramsList())
        .containsExactly(
            Histogram.newBuilder()
                .setCountFloat(2.5)
                .setZeroCountFloat(0.5)
                .addPositiveCounts(2.0)
                .addNegativeCounts(0.5)
                .setTimestamp(1000)
                .build());
  }

  @Test
  void shouldConvertExemplarsWithSampleTimestampWhenTheyHaveNone() {
    ScrapeBatchBuilder builder = batch("t1", 1000);
    Series.Builder series =
        Series.newBuilder()
            .setValueBits(Double.doubleToRawLongBits(7.0))
            .addExemplars(exemplar(builder, 0.25, "trace_id", "abc", "span_id", ""))
            .addExemplars(exemplar(builder, 0.5, "trace_id", "def").setTimestampMs(900));
    ScrapeBatch batch = builder.series(series, "__name__", "latency_bucket").build();

    TimeSeries converted = convertOne(batch);

    assertThat(converted.getExemplarsList())
        .containsExactly(
            Exemplar.newBuilder()
                .addLabels(label("trace_id", "def"))
                .setValue(0.5)
                .setTimestamp(900)
                .build(),
            Exemplar.newBuilder()
                .addLabels(label("trace_id", "abc"))
                .setValue(0.25)
                .setTimestamp(1000)
                .build());
  }

  private static TimeSeries convertOne(ScrapeBatch batch) {
    return WriteRequestConverter.convert(List.of(batch), false, true).request().getTimeseries(0);
  }

  private static ScrapeBatch histogramSeries(NativeHistogram histogram) {
    return batch("t1", 1000)
        .series(Series.newBuilder().setHistogram(histogram), "__name__", "h")
        .build();
  }

  private static io.scrapestream.schemas.v1.Exemplar.Builder exemplar(
      ScrapeBatchBuilder builder, double value, String... labels) {
    return io.scrapestream.schemas.v1.Exemplar.newBuilder()
        .addAllLabelRefs(builder.refs(labels))
        .setValueBits(Double.doubleToRawLongBits(value));
  }

  /** Every field of a NativeHistogram with integer counts set. */
  private static NativeHistogram integerHistogram() {
    return NativeHistogram.newBuilder()
        .setCountInt(12)
        .setSum(34.5)
        .setSchema(-2)
        .setZeroThreshold(1e-128)
        .setZeroCountInt(3)
        .addNegativeSpans(BucketSpan.newBuilder().setOffset(-1).setLength(2))
        .addNegativeDeltas(1)
        .addNegativeDeltas(-1)
        .addPositiveSpans(BucketSpan.newBuilder().setOffset(0).setLength(1))
        .addPositiveDeltas(8)
        .setResetHint(NativeHistogram.ResetHint.RESET_HINT_NO)
        .addCustomValues(0.5)
        .build();
  }

  /** {@link #integerHistogram()} as remote write's Histogram, set field by field. */
  private static Histogram.Builder expectedIntegerHistogram() {
    return Histogram.newBuilder()
        .setCountInt(12)
        .setSum(34.5)
        .setSchema(-2)
        .setZeroThreshold(1e-128)
        .setZeroCountInt(3)
        .addNegativeSpans(
            io.scrapestream.schemas.prompb.BucketSpan.newBuilder().setOffset(-1).setLength(2))
        .addNegativeDeltas(1)
        .addNegativeDeltas(-1)
        .addPositiveSpans(
            io.scrapestream.schemas.prompb.BucketSpan.newBuilder().setOffset(0).setLength(1))
        .addPositiveDeltas(8)
        .setResetHint(Histogram.ResetHint.NO)
        .addCustomValues(0.5);
  }
}
