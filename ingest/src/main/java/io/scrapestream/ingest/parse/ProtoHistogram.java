package io.scrapestream.ingest.parse;

/** One decoded {@code io.prometheus.client.Histogram}: classic buckets and the native part. */
final class ProtoHistogram {

  long sampleCount;
  long sampleCountFloatBits;
  long sumBits;

  final LongList bucketBounds = new LongList();
  final LongList bucketCounts = new LongList();
  final LongList bucketCountFloats = new LongList();

  /** Index into {@link #bucketExemplars} of each bucket's exemplar, or -1. */
  final LongList bucketExemplarAt = new LongList();

  final ProtoExemplar.Pool bucketExemplars = new ProtoExemplar.Pool();

  int schema;
  long zeroThresholdBits;
  long zeroCount;
  long zeroCountFloatBits;
  final LongList negativeSpanOffsets = new LongList();
  final LongList negativeSpanLengths = new LongList();
  final LongList negativeDeltas = new LongList();
  final LongList negativeCounts = new LongList();
  final LongList positiveSpanOffsets = new LongList();
  final LongList positiveSpanLengths = new LongList();
  final LongList positiveDeltas = new LongList();
  final LongList positiveCounts = new LongList();

  /** The native histogram's own exemplars ({@code exemplars}, field 16). */
  final ProtoExemplar.Pool exemplars = new ProtoExemplar.Pool();

  void clear() {
    sampleCount = 0;
    sampleCountFloatBits = 0;
    sumBits = 0;
    bucketBounds.clear();
    bucketCounts.clear();
    bucketCountFloats.clear();
    bucketExemplarAt.clear();
    bucketExemplars.clear();
    schema = 0;
    zeroThresholdBits = 0;
    zeroCount = 0;
    zeroCountFloatBits = 0;
    negativeSpanOffsets.clear();
    negativeSpanLengths.clear();
    negativeDeltas.clear();
    negativeCounts.clear();
    positiveSpanOffsets.clear();
    positiveSpanLengths.clear();
    positiveDeltas.clear();
    positiveCounts.clear();
    exemplars.clear();
  }

  /**
   * Prometheus's {@code isNativeHistogram}: any span, a zero threshold above 0 or a zero count
   * above 0. A native histogram without observations must carry a no-op span to be one.
   */
  boolean isNative() {
    return positiveSpanOffsets.size() > 0
        || negativeSpanOffsets.size() > 0
        || Double.longBitsToDouble(zeroThresholdBits) > 0
        || zeroCount != 0;
  }

  /** Float histogram when a float count is above 0, as Prometheus decides. */
  boolean isFloat() {
    return Double.longBitsToDouble(sampleCountFloatBits) > 0
        || Double.longBitsToDouble(zeroCountFloatBits) > 0;
  }

  /** {@code sample_count_float} if not 0, else {@code sample_count}. */
  double count() {
    double f = Double.longBitsToDouble(sampleCountFloatBits);
    return f != 0 ? f : ProtoNumbers.unsignedToDouble(sampleCount);
  }

  /**
   * Bucket {@code i}'s {@code cumulative_count_float} if not 0, else its {@code cumulative_count}.
   */
  double bucketCount(int i) {
    double f = bucketCountFloats.getDouble(i);
    return f != 0 ? f : ProtoNumbers.unsignedToDouble(bucketCounts.get(i));
  }
}
