package io.scrapestream.ingest.parse;

/** A visitor that ignores everything; tests override what they observe. */
class RecordingVisitorBase implements SampleVisitor {

  @Override
  public void type(String family, MetricType type) {}

  @Override
  public void help(String family, String help) {}

  @Override
  public void unit(String family, String unit) {}

  @Override
  public void sample(LabelView labels, long valueBits, boolean hasTimestamp, long timestampMs) {}

  @Override
  public void exemplar(LabelView labels, long valueBits, boolean hasTimestamp, long timestampMs) {}
}
