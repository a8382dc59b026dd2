package io.scrapestream.sink.remotewrite;

import io.scrapestream.schemas.prompb.Label;
import io.scrapestream.schemas.prompb.MetricMetadata;
import io.scrapestream.schemas.prompb.TimeSeries;
import io.scrapestream.schemas.prompb.WriteRequest;
import io.scrapestream.schemas.v1.MetricFamilyMetadata;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import io.scrapestream.sink.series.InvalidBatchException;
import io.scrapestream.sink.series.SeriesDecoder;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;

/**
 * Turns scrape batches into one remote write 1.0 {@link WriteRequest}, as the specification
 * requires of a sender: every series has {@code __name__}, its labels sorted by name, no empty
 * values, no repeated names, and its samples in timestamp order. A series that appears in several
 * batches (several scrapes of one target) becomes one {@link TimeSeries}.
 */
public final class WriteRequestConverter {
  static final String METRIC_NAME = "__name__";

  private WriteRequestConverter() {}

  /** A request and the number of samples (float and histogram) it carries. */
  public record Conversion(WriteRequest request, long samples) {
    public Conversion {
      Objects.requireNonNull(request, "request");
      if (samples < 0) {
        throw new IllegalArgumentException("samples: must be >= 0. Found: " + samples);
      }
    }
  }

  /**
   * Converts the batches, in order.
   *
   * @param withMetadata whether to add the batches' metric family metadata
   * @param withNativeHistograms whether to add native histogram samples; when not, they are left
   *     out, and so is a series that has nothing else
   * @throws InvalidBatchException when a batch breaks its record contract
   */
  public static Conversion convert(
      List<ScrapeBatch> batches, boolean withMetadata, boolean withNativeHistograms) {
    WriteRequest.Builder request = WriteRequest.newBuilder();
    long samples = 0;
    for (Map.Entry<SortedMap<String, String>, SeriesSamples> entry :
        seriesByLabels(batches, withNativeHistograms).entrySet()) {
      if (!entry.getValue().isEmpty()) {
        TimeSeries series = entry.getValue().build(toLabels(entry.getKey()));
        samples += series.getSamplesCount() + series.getHistogramsCount();
        request.addTimeseries(series);
      }
    }
    if (withMetadata) {
      request.addAllMetadata(metadata(batches));
    }
    return new Conversion(request.build(), samples);
  }

  /** Labels sorted by name, as remote write {@link Label} messages. */
  static List<Label> toLabels(SortedMap<String, String> labels) {
    return labels.entrySet().stream()
        .map(e -> Label.newBuilder().setName(e.getKey()).setValue(e.getValue()).build())
        .toList();
  }

  /** The samples of every series, by label set, in order of first appearance. */
  private static Map<SortedMap<String, String>, SeriesSamples> seriesByLabels(
      List<ScrapeBatch> batches, boolean withNativeHistograms) {
    Map<SortedMap<String, String>, SeriesSamples> seriesByLabels = new LinkedHashMap<>();
    for (ScrapeBatch batch : batches) {
      for (int i = 0; i < batch.getSeriesCount(); i++) {
        Series series = batch.getSeries(i);
        seriesByLabels
            .computeIfAbsent(
                labelsWithName(batch, series, i), key -> new SeriesSamples(withNativeHistograms))
            .add(batch, series);
      }
    }
    return seriesByLabels;
  }

  private static SortedMap<String, String> labelsWithName(
      ScrapeBatch batch, Series series, int index) {
    SortedMap<String, String> labels = SeriesDecoder.labels(batch, series.getLabelRefsList());
    if (!labels.containsKey(METRIC_NAME)) {
      throw SeriesDecoder.invalid(
          batch, "series " + index + ": labels must include __name__. Found: " + labels);
    }
    return labels;
  }

  private static Set<MetricMetadata> metadata(List<ScrapeBatch> batches) {
    Set<MetricMetadata> metadata = new LinkedHashSet<>();
    for (ScrapeBatch batch : batches) {
      for (MetricFamilyMetadata family : batch.getMetadataList()) {
        metadata.add(metadata(batch, family));
      }
    }
    return metadata;
  }

  private static MetricMetadata metadata(ScrapeBatch batch, MetricFamilyMetadata family) {
    String name = SeriesDecoder.symbol(batch, family.getNameRef());
    if (name.isEmpty()) {
      throw SeriesDecoder.invalid(batch, "metadata: metric family name must not be empty");
    }
    return MetricMetadata.newBuilder()
        .setMetricFamilyName(name)
        .setType(metricType(family))
        .setHelp(SeriesDecoder.symbol(batch, family.getHelpRef()))
        .setUnit(SeriesDecoder.symbol(batch, family.getUnitRef()))
        .build();
  }

  private static MetricMetadata.MetricType metricType(MetricFamilyMetadata family) {
    return switch (family.getType()) {
      case METRIC_TYPE_COUNTER -> MetricMetadata.MetricType.COUNTER;
      case METRIC_TYPE_GAUGE -> MetricMetadata.MetricType.GAUGE;
      case METRIC_TYPE_HISTOGRAM -> MetricMetadata.MetricType.HISTOGRAM;
      case METRIC_TYPE_GAUGEHISTOGRAM -> MetricMetadata.MetricType.GAUGEHISTOGRAM;
      case METRIC_TYPE_SUMMARY -> MetricMetadata.MetricType.SUMMARY;
      case METRIC_TYPE_INFO -> MetricMetadata.MetricType.INFO;
      case METRIC_TYPE_STATESET -> MetricMetadata.MetricType.STATESET;
      case METRIC_TYPE_UNKNOWN, UNRECOGNIZED -> MetricMetadata.MetricType.UNKNOWN;
    };
  }
}
