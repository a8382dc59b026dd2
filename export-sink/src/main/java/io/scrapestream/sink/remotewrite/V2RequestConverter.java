package io.scrapestream.sink.remotewrite;

import com.google.protobuf.InvalidProtocolBufferException;
import io.scrapestream.schemas.prompb.v2.Exemplar;
import io.scrapestream.schemas.prompb.v2.Histogram;
import io.scrapestream.schemas.prompb.v2.Metadata;
import io.scrapestream.schemas.prompb.v2.Request;
import io.scrapestream.schemas.prompb.v2.Sample;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import io.scrapestream.sink.series.SeriesDecoder;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns scrape batches into one remote write 2.0 {@link Request}: the batches' string tables merged
 * into one (with {@code ""} first), each series' label references mapped, sorted by name and
 * without empty values, and one {@code TimeSeries} per label set with its samples in timestamp
 * order, its exemplars and its metric family's metadata. Created timestamps are not sent.
 */
public final class V2RequestConverter {
  private final SymbolInterner symbols = new SymbolInterner();
  private final int nameRef = symbols.intern(WriteRequestConverter.METRIC_NAME);
  private final Map<LabelRefs, V2Series> seriesByLabels = new LinkedHashMap<>();
  private final boolean withMetadata;
  private final boolean withNativeHistograms;
  private final Map<Integer, Optional<Metadata>> metadataByName = new HashMap<>();
  private MetricFamilies families;

  private V2RequestConverter(boolean withMetadata, boolean withNativeHistograms) {
    this.withMetadata = withMetadata;
    this.withNativeHistograms = withNativeHistograms;
  }

  /** A request and what it carries: float samples, histogram samples and exemplars. */
  public record Conversion(Request request, long samples, long histograms, long exemplars) {
    public Conversion {
      Objects.requireNonNull(request, "request");
      if (samples < 0 || histograms < 0 || exemplars < 0) {
        throw new IllegalArgumentException(
            "counts: must be >= 0. Found: " + samples + ", " + histograms + ", " + exemplars);
      }
    }
  }

  /**
   * Converts the batches, in order.
   *
   * @param withMetadata whether each series carries its family's type, help and unit
   * @param withNativeHistograms whether native histogram samples are sent; when not, they are left
   *     out, and so is a series that has nothing else
   * @throws io.scrapestream.sink.series.InvalidBatchException when a batch breaks its contract
   */
  public static Conversion convert(
      List<ScrapeBatch> batches, boolean withMetadata, boolean withNativeHistograms) {
    V2RequestConverter converter = new V2RequestConverter(withMetadata, withNativeHistograms);
    batches.forEach(converter::add);
    return converter.build();
  }

  private void add(ScrapeBatch batch) {
    symbols.use(batch);
    families = withMetadata ? MetricFamilies.of(batch) : null;
    metadataByName.clear();
    for (int i = 0; i < batch.getSeriesCount(); i++) {
      Series series = batch.getSeries(i);
      int[] refs = SeriesLabels.sorted(batch, series.getLabelRefsList(), symbols, i);
      if (!series.hasHistogram() || withNativeHistograms) {
        add(batch, series, refs);
      }
    }
  }

  private void add(ScrapeBatch batch, Series series, int[] refs) {
    V2Series target = seriesByLabels.computeIfAbsent(new LabelRefs(refs), k -> new V2Series(refs));
    long timestampMs = SeriesDecoder.timestampMs(batch, series);
    if (series.hasHistogram()) {
      target.addHistogram(histogram(series, timestampMs));
    } else {
      target.addSample(
          Sample.newBuilder()
              .setValue(Double.longBitsToDouble(series.getValueBits()))
              .setTimestamp(timestampMs)
              .build());
    }
    for (io.scrapestream.schemas.v1.Exemplar exemplar : series.getExemplarsList()) {
      target.addExemplar(exemplar(batch, exemplar, timestampMs));
    }
    if (families != null) {
      metadataByName
          .computeIfAbsent(metricName(refs), this::metadata)
          .ifPresent(target::metadataIfAbsent);
    }
  }

  private Conversion build() {
    Request.Builder request = Request.newBuilder().addAllSymbols(symbols.symbols());
    long samples = 0;
    long histograms = 0;
    long exemplars = 0;
    for (V2Series series : seriesByLabels.values()) {
      samples += series.samples();
      histograms += series.histograms();
      exemplars += series.exemplars();
      request.addAllTimeseries(series.build());
    }
    return new Conversion(request.build(), samples, histograms, exemplars);
  }

  private int metricName(int[] refs) {
    for (int i = 0; i < refs.length; i += 2) {
      if (refs[i] == nameRef) {
        return refs[i + 1];
      }
    }
    throw new IllegalStateException("a series passed the label check without __name__");
  }

  /** The metadata of series named by {@code nameValueRef}, if the batch describes its family. */
  private Optional<Metadata> metadata(int nameValueRef) {
    return families
        .forSeries(symbols.symbol(nameValueRef))
        .map(
            family ->
                Metadata.newBuilder()
                    .setTypeValue(family.getTypeValue())
                    .setHelpRef(symbols.ref(family.getHelpRef()))
                    .setUnitRef(symbols.ref(family.getUnitRef()))
                    .build());
  }

  private Exemplar exemplar(
      ScrapeBatch batch, io.scrapestream.schemas.v1.Exemplar exemplar, long sampleTimestampMs) {
    Exemplar.Builder converted =
        Exemplar.newBuilder()
            .setValue(Double.longBitsToDouble(exemplar.getValueBits()))
            .setTimestamp(
                exemplar.hasTimestampMs() ? exemplar.getTimestampMs() : sampleTimestampMs);
    for (int ref :
        SeriesLabels.sorted(batch, exemplar.getLabelRefsList(), symbols, SeriesLabels.EXEMPLAR)) {
      converted.addLabelsRefs(ref);
    }
    return converted.build();
  }

  /**
   * The 2.0 histogram: {@code NativeHistogram} has the field numbers and types of
   * io.prometheus.write.v2.Histogram (fields 1-14 and 16), so its bytes parse as one; only the
   * timestamp (15) is added.
   */
  private static Histogram histogram(Series series, long timestampMs) {
    try {
      return Histogram.parseFrom(series.getHistogram().toByteString()).toBuilder()
          .setTimestamp(timestampMs)
          .build();
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(
          "NativeHistogram is no longer wire-compatible with io.prometheus.write.v2.Histogram", e);
    }
  }
}
