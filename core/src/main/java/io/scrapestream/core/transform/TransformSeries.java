package io.scrapestream.core.transform;

import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One series as the transforms see it: a working copy of its labels and value that the steps change
 * in place. {@code source} is the index of the series it came from in the input batch (so the
 * caller can carry over what transforms do not touch: timestamps, histograms, exemplars), or {@link
 * #AGGREGATED} for a series an {@code aggregate} step made. Not thread-safe.
 */
public final class TransformSeries {
  /** The {@link #source()} of a series made by an {@code aggregate} step. */
  public static final int AGGREGATED = -1;

  private final TreeMap<String, String> labels;
  private long valueBits;
  private final boolean floatSample;
  private final int source;

  /**
   * @param floatSample false for a native histogram sample, which only label steps change
   */
  public TransformSeries(
      SortedMap<String, String> labels, long valueBits, boolean floatSample, int source) {
    this.labels = new TreeMap<>(Objects.requireNonNull(labels, "labels"));
    this.valueBits = valueBits;
    this.floatSample = floatSample;
    this.source = source;
  }

  /** The labels, {@code __name__} included; steps change this map. */
  public TreeMap<String, String> labels() {
    return labels;
  }

  /** The metric name ({@code __name__}), "" when absent. */
  public String metricName() {
    return labels.getOrDefault("__name__", "");
  }

  public long valueBits() {
    return valueBits;
  }

  public void valueBits(long bits) {
    this.valueBits = bits;
  }

  public boolean floatSample() {
    return floatSample;
  }

  public int source() {
    return source;
  }

  @Override
  public String toString() {
    return labels + " " + Double.longBitsToDouble(valueBits);
  }
}
