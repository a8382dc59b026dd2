package io.scrapestream.sink.remotewrite;

import static io.scrapestream.sink.ScrapeBatchBuilder.STALE_MARKER;
import static io.scrapestream.sink.ScrapeBatchBuilder.batch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scrapestream.schemas.prompb.Label;
import io.scrapestream.schemas.prompb.MetricMetadata;
import io.scrapestream.schemas.prompb.Sample;
import io.scrapestream.schemas.prompb.TimeSeries;
import io.scrapestream.schemas.v1.MetricType;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.sink.series.InvalidBatchException;
import java.util.List;
import org.junit.jupiter.api.Test;

class WriteRequestConverterTest {

  @Test
  void shouldSortLabelsAndDropEmptyValuesWhenConverting() {
    ScrapeBatch batch =
        batch("t1", 1000)
            .sample(1.0, "job", "j", "env", "", "__name__", "up", "instance", "a:1")
            .build();

    WriteRequestConverter.Conversion conversion =
        WriteRequestConverter.convert(List.of(batch), false, false);

    assertThat(conversion.request().getTimeseriesList())
        .containsExactly(
            TimeSeries.newBuilder()
                .addLabels(label("__name__", "up"))
                .addLabels(label("instance", "a:1"))
                .addLabels(label("job", "j"))
                .addSamples(sample(1000, 1.0))
                .build());
    assertThat(conversion.samples()).isEqualTo(1);
  }

  @Test
  void shouldTakeSeriesTimestampWhenPresentElseBatchTimestamp() {
    ScrapeBatch batch =
        batch("t1", 1000).sampleAt(777, 2.0, "__name__", "a").sample(3.0, "__name__", "b").build();

    List<TimeSeries> series =
        WriteRequestConverter.convert(List.of(batch), false, false).request().getTimeseriesList();

    assertThat(series)
        .extracting(s -> s.getSamples(0))
        .containsExactly(sample(777, 2.0), sample(1000, 3.0));
  }

  @Test
  void shouldMergeOneSeriesOfSeveralBatchesInTimestampOrder() {
    ScrapeBatch later = batch("t1", 2000).sample(2.0, "__name__", "up", "job", "j").build();
    ScrapeBatch earlier = batch("t1", 1000).sample(1.0, "job", "j", "__name__", "up").build();
    ScrapeBatch otherTarget = batch("t2", 1500).sample(5.0, "__name__", "up", "job", "k").build();

    WriteRequestConverter.Conversion conversion =
        WriteRequestConverter.convert(List.of(later, earlier, otherTarget), false, false);

    assertThat(conversion.request().getTimeseriesList())
        .containsExactly(
            TimeSeries.newBuilder()
                .addLabels(label("__name__", "up"))
                .addLabels(label("job", "j"))
                .addSamples(sample(1000, 1.0))
                .addSamples(sample(2000, 2.0))
                .build(),
            TimeSeries.newBuilder()
                .addLabels(label("__name__", "up"))
                .addLabels(label("job", "k"))
                .addSamples(sample(1500, 5.0))
                .build());
    assertThat(conversion.samples()).isEqualTo(3);
  }

  @Test
  void shouldKeepStaleMarkerBitsWhenConverting() {
    ScrapeBatch batch = batch("t1", 1000).sampleBits(STALE_MARKER, "__name__", "up").build();

    Sample sample =
        WriteRequestConverter.convert(List.of(batch), false, false)
            .request()
            .getTimeseries(0)
            .getSamples(0);

    assertThat(Double.doubleToRawLongBits(sample.getValue())).isEqualTo(STALE_MARKER);
  }

  @Test
  void shouldRejectBatchWhenSeriesHasNoName() {
    ScrapeBatch batch =
        batch("t1", 1000)
            .sample(1.0, "__name__", "up")
            .sample(1.0, "__name__", "", "job", "j")
            .build();

    assertThatThrownBy(() -> WriteRequestConverter.convert(List.of(batch), false, false))
        .isInstanceOf(InvalidBatchException.class)
        .hasMessage(
            "invalid batch of target 't1': series 1: labels must include __name__. Found: {job=j}");
  }

  @Test
  void shouldSendEachMetadataOnceWhenEnabled() {
    ScrapeBatch first =
        batch("t1", 1000)
            .metadata("http_requests", MetricType.METRIC_TYPE_COUNTER, "Requests.", "")
            .metadata("temperature", MetricType.METRIC_TYPE_GAUGE, "Heat.", "celsius")
            .build();
    ScrapeBatch second =
        batch("t1", 2000)
            .metadata("http_requests", MetricType.METRIC_TYPE_COUNTER, "Requests.", "")
            .build();

    List<MetricMetadata> metadata =
        WriteRequestConverter.convert(List.of(first, second), true, false)
            .request()
            .getMetadataList();

    assertThat(metadata)
        .containsExactly(
            MetricMetadata.newBuilder()
                .setMetricFamilyName("http_requests")
                .setType(MetricMetadata.MetricType.COUNTER)
                .setHelp("Requests.")
                .build(),
            MetricMetadata.newBuilder()
                .setMetricFamilyName("temperature")
                .setType(MetricMetadata.MetricType.GAUGE)
                .setHelp("Heat.")
                .setUnit("celsius")
                .build());
  }

  @Test
  void shouldOmitMetadataWhenDisabled() {
    ScrapeBatch batch =
        batch("t1", 1000).metadata("up", MetricType.METRIC_TYPE_GAUGE, "Up.", "").build();

    assertThat(
            WriteRequestConverter.convert(List.of(batch), false, false)
                .request()
                .getMetadataCount())
        .isZero();
  }

  @Test
  void shouldMapEveryMetricTypeWhenConvertingMetadata() {
    for (MetricType type : MetricType.values()) {
      if (type == MetricType.UNRECOGNIZED) {
        continue;
      }
      ScrapeBatch batch = batch("t1", 1000).metadata("m", type, "", "").build();

      MetricMetadata metadata =
          WriteRequestConverter.convert(List.of(batch), true, false).request().getMetadata(0);

      assertThat(metadata.getType().name())
          .isEqualTo(type.name().substring("METRIC_TYPE_".length()));
    }
  }

  static Label label(String name, String value) {
    return Label.newBuilder().setName(name).setValue(value).build();
  }

  static Sample sample(long timestampMs, double value) {
    return Sample.newBuilder().setTimestamp(timestampMs).setValue(value).build();
  }
}
