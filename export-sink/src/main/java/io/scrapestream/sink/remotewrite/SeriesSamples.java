package io.scrapestream.sink.remotewrite;

import com.google.protobuf.InvalidProtocolBufferException;
import io.scrapestream.schemas.prompb.Exemplar;
import io.scrapestream.schemas.prompb.Histogram;
import io.scrapestream.schemas.prompb.Label;
import io.scrapestream.schemas.prompb.Sample;
import io.scrapestream.schemas.prompb.TimeSeries;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import io.scrapestream.sink.series.SeriesDecoder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The samples of one series gathered from several batches, put in timestamp order on build. */
final class SeriesSamples {
  private final List<Sample> samples = new ArrayList<>();
  private final List<Histogram> histograms = new ArrayList<>();
  private final List<Exemplar> exemplars = new ArrayList<>();
  private final boolean withNativeHistograms;
  private boolean sorted;

  SeriesSamples(boolean withNativeHistograms) {
    this.withNativeHistograms = withNativeHistograms;
  }

  /**
   * Adds the series' float sample, or its native histogram sample when those are sent, and its
   * exemplars.
   */
  void add(ScrapeBatch batch, Series series) {
    sorted = false;
    long timestampMs = SeriesDecoder.timestampMs(batch, series);
    if (series.hasHistogram()) {
      if (!withNativeHistograms) {
        return;
      }
      histograms.add(histogram(series, timestampMs));
    } else {
      samples.add(
          Sample.newBuilder()
              // longBitsToDouble keeps the bits; protobuf writes them with doubleToRawLongBits.
              .setValue(Double.longBitsToDouble(series.getValueBits()))
              .setTimestamp(timestampMs)
              .build());
    }
    for (io.scrapestream.schemas.v1.Exemplar exemplar : series.getExemplarsList()) {
      exemplars.add(exemplar(batch, exemplar, timestampMs));
    }
  }

  /** Whether there is no sample to send (exemplars alone are not sent). */
  boolean isEmpty() {
    return samples.isEmpty() && histograms.isEmpty();
  }

  /**
   * The series with its samples sorted by timestamp (stable: equal timestamps keep their order).
   */
  TimeSeries build(List<Label> labels) {
    return TimeSeries.newBuilder()
        .addAllLabels(labels)
        .addAllSamples(sortedSamples())
        .addAllHistograms(sortedHistograms())
        .addAllExemplars(sortedExemplars())
        .build();
  }

  /** The float samples in timestamp order. */
  List<Sample> sortedSamples() {
    sort();
    return samples;
  }

  /** The histogram samples in timestamp order. */
  List<Histogram> sortedHistograms() {
    sort();
    return histograms;
  }

  /** The exemplars in timestamp order. */
  List<Exemplar> sortedExemplars() {
    sort();
    return exemplars;
  }

  int sampleCount() {
    return samples.size() + histograms.size();
  }

  /** Sorts once, stably, after the last {@link #add}. */
  private void sort() {
    if (!sorted) {
      samples.sort(Comparator.comparingLong(Sample::getTimestamp));
      histograms.sort(Comparator.comparingLong(Histogram::getTimestamp));
      exemplars.sort(Comparator.comparingLong(Exemplar::getTimestamp));
      sorted = true;
    }
  }

  /**
   * The remote write histogram: {@code NativeHistogram} has the field numbers and types of
   * prometheus.Histogram (fields 1-14 and 16), so its bytes parse as one; only the timestamp (15)
   * is added.
   */
  private static Histogram histogram(Series series, long timestampMs) {
    try {
      return Histogram.parseFrom(series.getHistogram().toByteString()).toBuilder()
          .setTimestamp(timestampMs)
          .build();
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(
          "NativeHistogram is no longer wire-compatible with prometheus.Histogram", e);
    }
  }

  private static Exemplar exemplar(
      ScrapeBatch batch, io.scrapestream.schemas.v1.Exemplar exemplar, long sampleTimestampMs) {
    return Exemplar.newBuilder()
        .addAllLabels(
            WriteRequestConverter.toLabels(
                SeriesDecoder.labels(batch, exemplar.getLabelRefsList())))
        .setValue(Double.longBitsToDouble(exemplar.getValueBits()))
        .setTimestamp(exemplar.hasTimestampMs() ? exemplar.getTimestampMs() : sampleTimestampMs)
        .build();
  }
}
