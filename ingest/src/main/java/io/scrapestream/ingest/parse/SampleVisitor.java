package io.scrapestream.ingest.parse;

import io.scrapestream.schemas.v1.NativeHistogram;

/** Receives what a parser reads, in exposition order. */
public interface SampleVisitor {

  /** A {@code # TYPE} line. */
  void type(String family, MetricType type);

  /** A non-empty {@code # HELP} line, unescaped. */
  void help(String family, String help);

  /** A non-empty {@code # UNIT} line (OpenMetrics). */
  void unit(String family, String unit);

  /**
   * One float sample. {@code labels} is a reused view, valid only during the call; {@code __name__}
   * is label 0, the others follow in exposition order.
   *
   * @param valueBits the value as raw IEEE-754 bits ({@link Double#doubleToRawLongBits})
   * @param timestampMs milliseconds since the epoch, meaningful only when {@code hasTimestamp}
   */
  void sample(LabelView labels, long valueBits, boolean hasTimestamp, long timestampMs);

  /**
   * An exemplar attached to the sample or native histogram just visited (OpenMetrics, protobuf). A
   * native histogram can have several.
   */
  void exemplar(LabelView labels, long valueBits, boolean hasTimestamp, long timestampMs);

  /**
   * One native histogram sample (protobuf format), already compacted as Prometheus compacts it (no
   * empty buckets, no empty or adjacent spans). {@code labels} as for {@link #sample}: {@code
   * __name__} is the metric family name.
   *
   * <p>The default ignores it, for visitors that only take float samples; a visitor that forwards
   * or stores samples must override it.
   */
  default void histogram(
      LabelView labels, NativeHistogram histogram, boolean hasTimestamp, long timestampMs) {}
}
