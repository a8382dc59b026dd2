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
import java.util.ArrayList;
import java.util.HashMap;
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

  /** The protobuf bytes of a request and the number of samples (float and histogram) in it. */
  public record Encoded(byte[] protobuf, long samples) {
    public Encoded {
      Objects.requireNonNull(protobuf, "protobuf");
      if (samples < 0) {
        throw new IllegalArgumentException("samples: must be >= 0. Found: " + samples);
      }
    }
  }

  /**
   * The protobuf bytes of {@link #convert}'s request, byte for byte, written without building it:
   * the exporter's path.
   *
   * @throws InvalidBatchException when a batch breaks its record contract
   */
  public static Encoded encode(
      List<ScrapeBatch> batches, boolean withMetadata, boolean withNativeHistograms) {
    SymbolInterner symbols = new SymbolInterner();
    Map<LabelRefs, SeriesSamples> seriesByLabels =
        seriesByLabels(batches, symbols, withNativeHistograms);
    List<MetricMetadata> metadata = withMetadata ? List.copyOf(metadata(batches)) : List.of();
    long samples = 0;
    for (SeriesSamples series : seriesByLabels.values()) {
      samples += series.sampleCount();
    }
    return new Encoded(WriteRequestEncoder.encode(symbols, seriesByLabels, metadata), samples);
  }

  /**
   * Converts the batches, in order. Series are grouped by their label references in one string
   * table for all batches, so that no label map is built per series, and each distinct label is one
   * {@link Label} message shared by the series that have it.
   *
   * @param withMetadata whether to add the batches' metric family metadata
   * @param withNativeHistograms whether to add native histogram samples; when not, they are left
   *     out, and so is a series that has nothing else
   * @throws InvalidBatchException when a batch breaks its record contract
   */
  public static Conversion convert(
      List<ScrapeBatch> batches, boolean withMetadata, boolean withNativeHistograms) {
    SymbolInterner symbols = new SymbolInterner();
    Map<LabelRefs, SeriesSamples> seriesByLabels =
        seriesByLabels(batches, symbols, withNativeHistograms);
    WriteRequest.Builder request = WriteRequest.newBuilder();
    long samples = 0;
    Map<Long, Label> labels = new HashMap<>();
    for (Map.Entry<LabelRefs, SeriesSamples> entry : seriesByLabels.entrySet()) {
      if (!entry.getValue().isEmpty()) {
        TimeSeries series = entry.getValue().build(labels(entry.getKey(), symbols, labels));
        samples += series.getSamplesCount() + series.getHistogramsCount();
        request.addTimeseries(series);
      }
    }
    if (withMetadata) {
      request.addAllMetadata(metadata(batches));
    }
    return new Conversion(request.build(), samples);
  }

  /** The samples of every series, by label set, in order of first appearance. */
  private static Map<LabelRefs, SeriesSamples> seriesByLabels(
      List<ScrapeBatch> batches, SymbolInterner symbols, boolean withNativeHistograms) {
    int capacity = 0;
    for (ScrapeBatch batch : batches) {
      capacity += batch.getSeriesCount();
    }
    Map<LabelRefs, SeriesSamples> seriesByLabels = new LinkedHashMap<>(capacity * 4 / 3 + 1);
    for (ScrapeBatch batch : batches) {
      symbols.use(batch);
      for (int i = 0; i < batch.getSeriesCount(); i++) {
        Series series = batch.getSeries(i);
        int[] refs = SeriesLabels.sorted(batch, series.getLabelRefsList(), symbols, i);
        seriesByLabels
            .computeIfAbsent(new LabelRefs(refs), key -> new SeriesSamples(withNativeHistograms))
            .add(batch, series);
      }
    }
    return seriesByLabels;
  }

  /** Labels sorted by name, as remote write {@link Label} messages. */
  static List<Label> toLabels(SortedMap<String, String> labels) {
    return labels.entrySet().stream()
        .map(e -> Label.newBuilder().setName(e.getKey()).setValue(e.getValue()).build())
        .toList();
  }

  /** The labels of {@code key}, each message taken from (or added to) {@code cache}. */
  private static List<Label> labels(LabelRefs key, SymbolInterner symbols, Map<Long, Label> cache) {
    int[] refs = key.refs();
    List<Label> labels = new ArrayList<>(refs.length / 2);
    for (int i = 0; i < refs.length; i += 2) {
      int name = refs[i];
      int value = refs[i + 1];
      labels.add(
          cache.computeIfAbsent(
              ((long) name << 32) | value,
              pair ->
                  Label.newBuilder()
                      .setName(symbols.symbol(name))
                      .setValue(symbols.symbol(value))
                      .build()));
    }
    return labels;
  }

  /** The metric family metadata of the batches, each once, in order of first appearance. */
  static Set<MetricMetadata> metadata(List<ScrapeBatch> batches) {
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
