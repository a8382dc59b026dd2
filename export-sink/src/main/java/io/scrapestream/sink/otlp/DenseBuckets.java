package io.scrapestream.sink.otlp;

import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.scrapestream.schemas.v1.BucketSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * The dense buckets of one side of an exponential histogram, from a native histogram's spans and
 * delta-encoded counts. Prometheus indexes a bucket by its upper bound and OTLP by its lower one,
 * so the OTLP offset is the first span's offset minus one. Buckets whose bound would be beyond the
 * largest double (overflow buckets) are left out and not counted.
 *
 * @param offset the OTLP index of the first bucket
 * @param counts the bucket counts from that index on
 * @param total the sum of the counts
 */
record DenseBuckets(int offset, List<Long> counts, long total) {
  /** A bound on the buckets one side may span, so a malformed gap cannot exhaust memory. */
  private static final int MAX_BUCKETS = 1 << 20;

  DenseBuckets {
    counts = List.copyOf(counts);
  }

  ExponentialHistogramDataPoint.Buckets toOtlp() {
    return ExponentialHistogramDataPoint.Buckets.newBuilder()
        .setOffset(offset)
        .addAllBucketCounts(counts)
        .build();
  }

  /** The dense buckets, or null when the spans and deltas do not describe valid counts. */
  static DenseBuckets of(List<BucketSpan> spans, List<Long> deltas, int schema) {
    if (spans.isEmpty()) {
      return deltas.isEmpty() ? new DenseBuckets(0, List.of(), 0) : null;
    }
    Walk walk =
        new Walk(
            deltas, spans.get(0).getOffset(), schema >= 0 ? 1024L << schema : 1024L >> -schema);
    for (int s = 0; s < spans.size(); s++) {
      if (!walk.span(s == 0 ? 0 : spans.get(s).getOffset(), spans.get(s).getLength())) {
        return null;
      }
    }
    return walk.delta == deltas.size()
        ? new DenseBuckets(spans.get(0).getOffset() - 1, walk.counts, walk.total)
        : null;
  }

  /** The state of a walk along the spans of one side. */
  private static final class Walk {
    private final List<Long> deltas;
    private final long overflowIndex;
    private final List<Long> counts = new ArrayList<>();
    private long index;
    private long current;
    private long total;
    private int delta;

    Walk(List<Long> deltas, long firstIndex, long overflowIndex) {
      this.deltas = deltas;
      this.index = firstIndex;
      this.overflowIndex = overflowIndex;
    }

    /** Adds {@code gap} empty buckets, then {@code length} counted ones; false when invalid. */
    boolean span(long gap, int length) {
      if (gap < 0 || counts.size() + gap + length > MAX_BUCKETS) {
        return false;
      }
      for (long g = 0; g < gap && index + g < overflowIndex; g++) {
        counts.add(0L);
      }
      index += gap;
      for (int i = 0; i < length; i++, index++) {
        if (delta >= deltas.size()) {
          return false;
        }
        current += deltas.get(delta++);
        if (current < 0) {
          return false;
        }
        if (index < overflowIndex) {
          counts.add(current);
          total += current;
        }
      }
      return true;
    }
  }

  /**
   * The counts of a custom-bucket histogram: one per custom value plus the +Inf bucket, indexed
   * from the first span's offset; null when the layout or the bounds are invalid.
   */
  static long[] custom(List<BucketSpan> spans, List<Long> deltas, List<Double> bounds) {
    for (int i = 0; i < bounds.size(); i++) {
      if (!Double.isFinite(bounds.get(i)) || (i > 0 && bounds.get(i) <= bounds.get(i - 1))) {
        return null;
      }
    }
    long[] counts = new long[bounds.size() + 1];
    long index = 0;
    long current = 0;
    int delta = 0;
    for (BucketSpan span : spans) {
      index += span.getOffset();
      for (int i = 0; i < span.getLength(); i++, index++) {
        if (delta >= deltas.size() || index < 0 || index >= counts.length) {
          return null;
        }
        current += deltas.get(delta++);
        if (current < 0) {
          return null;
        }
        counts[(int) index] = current;
      }
    }
    return delta == deltas.size() ? counts : null;
  }
}
