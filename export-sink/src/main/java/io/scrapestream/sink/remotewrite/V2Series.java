package io.scrapestream.sink.remotewrite;

import io.scrapestream.schemas.prompb.v2.Exemplar;
import io.scrapestream.schemas.prompb.v2.Histogram;
import io.scrapestream.schemas.prompb.v2.Metadata;
import io.scrapestream.schemas.prompb.v2.Sample;
import io.scrapestream.schemas.prompb.v2.TimeSeries;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The samples of one series (one label set) of a remote write 2.0 request, gathered from several
 * batches and put in timestamp order on build.
 */
final class V2Series {
  private final int[] labelRefs;
  private final List<Sample> samples = new ArrayList<>(1);
  private final List<Histogram> histograms = new ArrayList<>(0);
  private final List<Exemplar> exemplars = new ArrayList<>(0);
  private Metadata metadata;

  V2Series(int[] labelRefs) {
    this.labelRefs = labelRefs;
  }

  void addSample(Sample sample) {
    samples.add(sample);
  }

  void addHistogram(Histogram histogram) {
    histograms.add(histogram);
  }

  void addExemplar(Exemplar exemplar) {
    exemplars.add(exemplar);
  }

  /** The series' metadata; the first batch that describes the series' family sets it. */
  void metadataIfAbsent(Metadata candidate) {
    if (metadata == null) {
      metadata = candidate;
    }
  }

  int samples() {
    return samples.size();
  }

  int histograms() {
    return histograms.size();
  }

  int exemplars() {
    return samples.isEmpty() && histograms.isEmpty() ? 0 : exemplars.size();
  }

  /**
   * The series as one {@link TimeSeries}, or two when it has both float and histogram samples
   * (which the specification forbids in one message); exemplars go with the first. Nothing when
   * there is no sample: exemplars alone are not sent.
   */
  List<TimeSeries> build() {
    List<TimeSeries> built = new ArrayList<>(2);
    samples.sort(Comparator.comparingLong(Sample::getTimestamp));
    histograms.sort(Comparator.comparingLong(Histogram::getTimestamp));
    exemplars.sort(Comparator.comparingLong(Exemplar::getTimestamp));
    if (!samples.isEmpty()) {
      built.add(series().addAllSamples(samples).addAllExemplars(exemplars).build());
    }
    if (!histograms.isEmpty()) {
      TimeSeries.Builder series = series().addAllHistograms(histograms);
      if (samples.isEmpty()) {
        series.addAllExemplars(exemplars);
      }
      built.add(series.build());
    }
    return built;
  }

  private TimeSeries.Builder series() {
    TimeSeries.Builder series = TimeSeries.newBuilder();
    for (int ref : labelRefs) {
      series.addLabelsRefs(ref);
    }
    if (metadata != null) {
      series.setMetadata(metadata);
    }
    return series;
  }
}
