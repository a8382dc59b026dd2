package io.scrapestream.ingest.parse;

import io.scrapestream.schemas.v1.BucketSpan;
import io.scrapestream.schemas.v1.NativeHistogram;

/**
 * Turns a decoded native histogram into the batch's {@link NativeHistogram}, as Prometheus's
 * protobuf parser does: a float histogram when a float count is above 0, the gauge reset hint for
 * gauge histograms, and {@code Compact(0)}: empty buckets dropped, spans rebuilt as the maximal
 * runs of the remaining buckets (integer buckets as deltas again). Spans must account for every
 * bucket and only the first may have a negative offset, as Prometheus validates them.
 */
final class NativeHistograms {

  private final LongList spanOffsets = new LongList();
  private final LongList spanLengths = new LongList();

  /** The buckets kept by {@link #compact}, as absolute counts (raw bits for floats). */
  private final LongList kept = new LongList();

  NativeHistogram build(ProtoHistogram h, boolean gauge) throws ProtoFormatException {
    NativeHistogram.Builder b = header(h, gauge);
    boolean floats = h.isFloat();
    if (floats) {
      b.setCountFloat(Double.longBitsToDouble(h.sampleCountFloatBits))
          .setZeroCountFloat(Double.longBitsToDouble(h.zeroCountFloatBits));
    } else {
      b.setCountInt(h.sampleCount).setZeroCountInt(h.zeroCount);
    }
    LongList positive = floats ? h.positiveCounts : h.positiveDeltas;
    compact("positive", h.positiveSpanOffsets, h.positiveSpanLengths, positive, floats);
    addSide(b, true, floats);
    LongList negative = floats ? h.negativeCounts : h.negativeDeltas;
    compact("negative", h.negativeSpanOffsets, h.negativeSpanLengths, negative, floats);
    addSide(b, false, floats);
    return b.build();
  }

  private static NativeHistogram.Builder header(ProtoHistogram h, boolean gauge) {
    return NativeHistogram.newBuilder()
        .setSum(Double.longBitsToDouble(h.sumBits))
        .setSchema(h.schema)
        .setZeroThreshold(Double.longBitsToDouble(h.zeroThresholdBits))
        .setResetHint(
            gauge
                ? NativeHistogram.ResetHint.RESET_HINT_GAUGE
                : NativeHistogram.ResetHint.RESET_HINT_UNKNOWN);
  }

  private void compact(
      String side, LongList offsets, LongList lengths, LongList buckets, boolean floats)
      throws ProtoFormatException {
    check(side, offsets, lengths, buckets.size());
    spanOffsets.clear();
    spanLengths.clear();
    kept.clear();
    long next = 0;
    long absolute = 0;
    long last = 0;
    int bucket = 0;
    for (int s = 0; s < offsets.size(); s++) {
      next = s == 0 ? offsets.get(0) : next + offsets.get(s);
      for (long k = 0; k < lengths.get(s); k++, next++) {
        long v = buckets.get(bucket++);
        absolute = floats ? v : absolute + v;
        boolean empty = floats ? Double.longBitsToDouble(v) == 0 : absolute == 0;
        if (!empty) {
          keep(next, last, absolute);
          last = next;
        }
      }
    }
  }

  private void keep(long index, long last, long absolute) {
    int n = spanLengths.size();
    if (n > 0 && index == last + 1) {
      spanLengths.set(n - 1, spanLengths.get(n - 1) + 1);
    } else {
      spanOffsets.add(n == 0 ? index : index - (last + 1));
      spanLengths.add(1);
    }
    kept.add(absolute);
  }

  private static void check(String side, LongList offsets, LongList lengths, int buckets)
      throws ProtoFormatException {
    long needed = 0;
    for (int s = 0; s < offsets.size(); s++) {
      if (s > 0 && offsets.get(s) < 0) {
        throw new ProtoFormatException(
            side
                + " side: span number "
                + (s + 1)
                + " with offset "
                + offsets.get(s)
                + ": histogram has a span whose offset is negative");
      }
      needed += lengths.get(s);
    }
    if (needed != buckets) {
      throw new ProtoFormatException(
          side
              + " side: spans need "
              + needed
              + " buckets, have "
              + buckets
              + " buckets: histogram spans specify different number of buckets than provided");
    }
  }

  private void addSide(NativeHistogram.Builder b, boolean positive, boolean floats) {
    for (int i = 0; i < spanOffsets.size(); i++) {
      BucketSpan span =
          BucketSpan.newBuilder()
              .setOffset((int) spanOffsets.get(i))
              .setLength((int) spanLengths.get(i))
              .build();
      if (positive) {
        b.addPositiveSpans(span);
      } else {
        b.addNegativeSpans(span);
      }
    }
    long previous = 0;
    for (int i = 0; i < kept.size(); i++) {
      long v = kept.get(i);
      if (floats) {
        addCount(b, positive, Double.longBitsToDouble(v));
      } else {
        addDelta(b, positive, v - previous);
        previous = v;
      }
    }
  }

  private static void addCount(NativeHistogram.Builder b, boolean positive, double count) {
    if (positive) {
      b.addPositiveCounts(count);
    } else {
      b.addNegativeCounts(count);
    }
  }

  private static void addDelta(NativeHistogram.Builder b, boolean positive, long delta) {
    if (positive) {
      b.addPositiveDeltas(delta);
    } else {
      b.addNegativeDeltas(delta);
    }
  }
}
