package io.scrapestream.ingest.parse;

import java.io.IOException;

/**
 * Decodes a {@code Histogram} message, classic buckets and native part, into a {@link
 * ProtoHistogram}.
 */
final class ProtoHistogramReader {

  private final ProtoReader r;
  private final ProtoMetricReader metrics;

  ProtoHistogramReader(ProtoReader reader, ProtoMetricReader metrics) {
    this.r = reader;
    this.metrics = metrics;
  }

  void read(int tag, ProtoHistogram h) throws IOException {
    int old = r.enter(tag, "Metric.histogram");
    for (int t = r.tag(); t != 0; t = r.tag()) {
      if (!classicField(t, h) && !nativeField(t, h)) {
        r.skip(t);
      }
    }
    r.leave(old);
  }

  private boolean classicField(int t, ProtoHistogram h) throws IOException {
    switch (ProtoReader.field(t)) {
      case 1 -> h.sampleCount = r.varint(t, "Histogram.sample_count");
      case 2 -> h.sumBits = r.doubleBits(t, "Histogram.sample_sum");
      case 3 -> bucket(t, h);
      case 4 -> h.sampleCountFloatBits = r.doubleBits(t, "Histogram.sample_count_float");
      case 16 -> metrics.exemplar(t, h.exemplars.next());
      default -> {
        return false;
      }
    }
    return true;
  }

  private boolean nativeField(int t, ProtoHistogram h) throws IOException {
    switch (ProtoReader.field(t)) {
      case 5 -> h.schema = (int) r.zigZag(t, "Histogram.schema");
      case 6 -> h.zeroThresholdBits = r.doubleBits(t, "Histogram.zero_threshold");
      case 7 -> h.zeroCount = r.varint(t, "Histogram.zero_count");
      case 8 -> h.zeroCountFloatBits = r.doubleBits(t, "Histogram.zero_count_float");
      case 9 -> span(t, h.negativeSpanOffsets, h.negativeSpanLengths, "Histogram.negative_span");
      case 10 -> r.zigZags(t, h.negativeDeltas, "Histogram.negative_delta");
      case 11 -> r.doubles(t, h.negativeCounts, "Histogram.negative_count");
      case 12 -> span(t, h.positiveSpanOffsets, h.positiveSpanLengths, "Histogram.positive_span");
      case 13 -> r.zigZags(t, h.positiveDeltas, "Histogram.positive_delta");
      case 14 -> r.doubles(t, h.positiveCounts, "Histogram.positive_count");
      default -> {
        return false;
      }
    }
    return true;
  }

  private void bucket(int tag, ProtoHistogram h) throws IOException {
    int old = r.enter(tag, "Histogram.bucket");
    long count = 0;
    long countFloat = 0;
    long bound = 0;
    long exemplarAt = -1;
    for (int t = r.tag(); t != 0; t = r.tag()) {
      switch (ProtoReader.field(t)) {
        case 1 -> count = r.varint(t, "Bucket.cumulative_count");
        case 2 -> bound = r.doubleBits(t, "Bucket.upper_bound");
        case 3 -> {
          exemplarAt = h.bucketExemplars.size();
          metrics.exemplar(t, h.bucketExemplars.next());
        }
        case 4 -> countFloat = r.doubleBits(t, "Bucket.cumulative_count_float");
        default -> r.skip(t);
      }
    }
    r.leave(old);
    h.bucketCounts.add(count);
    h.bucketCountFloats.add(countFloat);
    h.bucketBounds.add(bound);
    h.bucketExemplarAt.add(exemplarAt);
  }

  private void span(int tag, LongList offsets, LongList lengths, String what) throws IOException {
    int old = r.enter(tag, what);
    long offset = 0;
    long length = 0;
    for (int t = r.tag(); t != 0; t = r.tag()) {
      switch (ProtoReader.field(t)) {
        case 1 -> offset = (int) r.zigZag(t, "BucketSpan.offset");
        case 2 -> length = r.varint(t, "BucketSpan.length") & 0xffffffffL;
        default -> r.skip(t);
      }
    }
    r.leave(old);
    offsets.add(offset);
    lengths.add(length);
  }
}
