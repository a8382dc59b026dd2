package io.scrapestream.ingest.parse;

/** Hands samples to the visitor, with the raw value text only for a {@link RawSampleVisitor}. */
final class SampleSink {

  private final ByteCursor c;
  private SampleVisitor visitor;
  private RawSampleVisitor raw;

  SampleSink(ByteCursor cursor) {
    this.c = cursor;
  }

  void begin(SampleVisitor v) {
    this.visitor = java.util.Objects.requireNonNull(v, "visitor");
    this.raw = v instanceof RawSampleVisitor r ? r : null;
  }

  /** Ends the parse: lets go of the visitor (and what it holds, the scrape's batch). */
  void end() {
    visitor = null;
    raw = null;
  }

  SampleVisitor visitor() {
    return visitor;
  }

  void sample(LabelView labels, long bits, boolean hasTs, long ts, int valueFrom, int valueTo) {
    if (raw != null) {
      raw.rawSample(labels, bits, hasTs, ts, c.text(valueFrom, valueTo));
    } else {
      visitor.sample(labels, bits, hasTs, ts);
    }
  }
}
