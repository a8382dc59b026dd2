package io.scrapestream.ingest.parse;

/** The parts of the OpenMetrics sample line being read, reused from line to line. */
final class SampleLine {

  final LabelBuffer labels = new LabelBuffer();
  Symbol name;
  int nameAt;
  long bits;
  double value;
  int valueFrom;
  int valueTo;
  boolean hasTs;
  long timestamp;

  final LabelBuffer exemplarLabels = new LabelBuffer();
  boolean hasExemplar;
  long exemplarBits;
  double exemplarValue;
  boolean exemplarHasTs;
  long exemplarTimestamp;
}
