package io.scrapestream.ingest.parse;

/**
 * A visitor that also wants each sample's value exactly as written. A parser calls {@link
 * #rawSample} instead of {@link #sample} for visitors of this type, and creates the raw text only
 * for them, so plain visitors pay nothing for it.
 */
public interface RawSampleVisitor extends SampleVisitor {

  /**
   * One float sample, as {@link #sample}, with {@code rawValue}: the value token as it stands in
   * the body (for example {@code 1.50}, {@code +Inf} or {@code nan}).
   */
  void rawSample(
      LabelView labels, long valueBits, boolean hasTimestamp, long timestampMs, String rawValue);
}
