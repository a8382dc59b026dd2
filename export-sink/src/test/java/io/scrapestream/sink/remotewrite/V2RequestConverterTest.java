package io.scrapestream.sink.remotewrite;

import static io.scrapestream.sink.ScrapeBatchBuilder.STALE_MARKER;
import static io.scrapestream.sink.ScrapeBatchBuilder.batch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scrapestream.schemas.prompb.v2.Exemplar;
import io.scrapestream.schemas.prompb.v2.Metadata;
import io.scrapestream.schemas.prompb.v2.Request;
import io.scrapestream.schemas.prompb.v2.Sample;
import io.scrapestream.schemas.prompb.v2.TimeSeries;
import io.scrapestream.schemas.v1.MetricType;
import io.scrapestream.schemas.v1.NativeHistogram;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import io.scrapestream.sink.ScrapeBatchBuilder;
import io.scrapestream.sink.series.InvalidBatchException;
import java.util.List;
import org.junit.jupiter.api.Test;

class V2RequestConverterTest {

  @Test
  void shouldMergeSymbolTablesWithEmptyStringFirstWhenConvertingTwoBatches() {
    ScrapeBatch first = batch("t1", 1000).sample(1.5, "job", "j", "__name__", "up").build();
    ScrapeBatch second =
        batch("t2", 2000).sample(2.0, "__name__", "up", "job", "k", "env", "").build();

    Request request = V2RequestConverter.convert(List.of(first, second), false, false).request();

    assertThat(request.getSymbolsList()).containsExactly("", "__name__", "up", "job", "j", "k");
    assertThat(request.getTimeseriesList())
        .containsExactly(
            series(List.of(1, 2, 3, 4), sample(1000, 1.5)),
            series(List.of(1, 2, 3, 5), sample(2000, 2.0)));
  }

  @Test
  void shouldSortLabelsByNameAndMergeSeriesInTimestampOrderWhenBatchesRepeatIt() {
    ScrapeBatch later =
        batch("t1", 2000).sample(2.0, "job", "j", "Zone", "z", "__name__", "m").build();
    ScrapeBatch earlier =
        batch("t1", 1000).sample(1.0, "__name__", "m", "job", "j", "Zone", "z").build();

    V2RequestConverter.Conversion conversion =
        V2RequestConverter.convert(List.of(later, earlier), false, false);

    Request request = conversion.request();
    // "Zone" < "__name__" < "job" by code point; strings are added in that order.
    assertThat(request.getSymbolsList())
        .containsExactly("", "__name__", "Zone", "z", "m", "job", "j");
    assertThat(request.getTimeseriesList())
        .containsExactly(series(List.of(2, 3, 1, 4, 5, 6), sample(1000, 1.0), sample(2000, 2.0)));
    assertThat(conversion.samples()).isEqualTo(2);
  }

  @Test
  void shouldAttachFamilyMetadataBySuffixWhenSendingMetadata() {
    ScrapeBatch batch =
        batch("t1", 1000)
            .metadata("http_requests", MetricType.METRIC_TYPE_COUNTER, "Requests.", "")
            .metadata("latency", MetricType.METRIC_TYPE_HISTOGRAM, "Latency.", "seconds")
            .sample(7, "__name__", "http_requests_total")
            .sample(3, "__name__", "latency_bucket", "le", "+Inf")
            .sample(1, "__name__", "latency_total")
            .build();

    Request request = V2RequestConverter.convert(List.of(batch), true, false).request();

    List<String> symbols = request.getSymbolsList();
    assertThat(request.getTimeseries(0).getMetadata())
        .isEqualTo(
            Metadata.newBuilder()
                .setType(Metadata.MetricType.METRIC_TYPE_COUNTER)
                .setHelpRef(symbols.indexOf("Requests."))
                .setUnitRef(0)
                .build());
    assertThat(request.getTimeseries(1).getMetadata())
        .isEqualTo(
            Metadata.newBuilder()
                .setType(Metadata.MetricType.METRIC_TYPE_HISTOGRAM)
                .setHelpRef(symbols.indexOf("Latency."))
                .setUnitRef(symbols.indexOf("seconds"))
                .build());
    assertThat(request.getTimeseries(2).hasMetadata())
        .as("_total is no histogram series")
        .isFalse();
  }

  @Test
  void shouldLeaveMetadataOutWhenNotSendingIt() {
    ScrapeBatch batch =
        batch("t1", 1000)
            .metadata("up", MetricType.METRIC_TYPE_GAUGE, "Up.", "")
            .sample(1, "__name__", "up")
            .build();

    Request request = V2RequestConverter.convert(List.of(batch), false, false).request();

    assertThat(request.getTimeseries(0).hasMetadata()).isFalse();
    assertThat(request.getSymbolsList()).containsExactly("", "__name__", "up");
  }

  @Test
  void shouldReferExemplarLabelsAndKeepStaleMarkerWhenConverting() {
    ScrapeBatchBuilder builder = batch("t1", 5000);
    ScrapeBatch batch =
        builder
            .series(
                Series.newBuilder()
                    .setValueBits(STALE_MARKER)
                    .addExemplars(
                        io.scrapestream.schemas.v1.Exemplar.newBuilder()
                            .addAllLabelRefs(builder.refs("trace_id", "abc"))
                            .setValueBits(Double.doubleToRawLongBits(0.25))),
                "__name__",
                "rpc")
            .build();

    V2RequestConverter.Conversion conversion =
        V2RequestConverter.convert(List.of(batch), false, false);

    TimeSeries series = conversion.request().getTimeseries(0);
    assertThat(Double.doubleToRawLongBits(series.getSamples(0).getValue())).isEqualTo(STALE_MARKER);
    assertThat(series.getExemplarsList())
        .containsExactly(
            Exemplar.newBuilder()
                .addLabelsRefs(3)
                .addLabelsRefs(4)
                .setValue(0.25)
                .setTimestamp(5000)
                .build());
    assertThat(conversion.request().getSymbolsList())
        .containsExactly("", "__name__", "rpc", "trace_id", "abc");
    assertThat(conversion.exemplars()).isEqualTo(1);
  }

  @Test
  void shouldSendHistogramsInTheirOwnSeriesWhenEnabled() {
    ScrapeBatch batch =
        batch("t1", 1000)
            .series(
                Series.newBuilder()
                    .setHistogram(
                        NativeHistogram.newBuilder().setCountInt(4).setSum(2.5).setSchema(3)),
                "__name__",
                "h")
            .sample(9, "__name__", "h")
            .build();

    V2RequestConverter.Conversion with = V2RequestConverter.convert(List.of(batch), false, true);
    V2RequestConverter.Conversion without =
        V2RequestConverter.convert(List.of(batch), false, false);

    assertThat(with.request().getTimeseriesList()).hasSize(2);
    assertThat(with.request().getTimeseries(0).getSamplesCount()).isEqualTo(1);
    assertThat(with.request().getTimeseries(1).getHistograms(0))
        .isEqualTo(
            io.scrapestream.schemas.prompb.v2.Histogram.newBuilder()
                .setCountInt(4)
                .setSum(2.5)
                .setSchema(3)
                .setTimestamp(1000)
                .build());
    assertThat(List.of(with.samples(), with.histograms())).containsExactly(1L, 1L);
    assertThat(without.request().getTimeseriesList()).hasSize(1);
    assertThat(without.histograms()).isZero();
  }

  @Test
  void shouldRejectBatchWithSameMessagesAsVersion1WhenLabelsAreInvalid() {
    ScrapeBatch noName = batch("t1", 1000).sample(1.0, "__name__", "", "job", "j").build();
    ScrapeBatch twice =
        batch("t2", 1000).sample(1.0, "__name__", "a", "job", "j", "job", "k").build();

    assertThatThrownBy(() -> V2RequestConverter.convert(List.of(noName), false, false))
        .isInstanceOf(InvalidBatchException.class)
        .hasMessage(
            "invalid batch of target 't1': series 0: labels must include __name__. Found: {job=j}");
    assertThatThrownBy(() -> V2RequestConverter.convert(List.of(twice), false, false))
        .isInstanceOf(InvalidBatchException.class)
        .hasMessage(
            "invalid batch of target 't2': label name: must not repeat in a series. Found twice: job");
  }

  private static TimeSeries series(List<Integer> refs, Sample... samples) {
    return TimeSeries.newBuilder().addAllLabelsRefs(refs).addAllSamples(List.of(samples)).build();
  }

  private static Sample sample(long timestampMs, double value) {
    return Sample.newBuilder().setTimestamp(timestampMs).setValue(value).build();
  }
}
