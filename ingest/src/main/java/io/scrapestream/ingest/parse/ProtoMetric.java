package io.scrapestream.ingest.parse;

/**
 * One decoded {@code io.prometheus.client.Metric}, reused from metric to metric: its labels (label
 * 0 is {@code __name__}), the value of each kind it carries, its timestamp. Which kind counts is
 * decided by the family's type, as in Prometheus.
 */
final class ProtoMetric {

  final LabelBuffer labels = new LabelBuffer();
  long counterBits;
  long gaugeBits;
  long untypedBits;
  final ProtoExemplar counterExemplar = new ProtoExemplar();
  boolean hasCounterExemplar;

  /** {@code timestamp_ms}; 0 means none, as Prometheus reads it. */
  long timestampMs;

  long summaryCount;
  long summarySumBits;
  final LongList quantiles = new LongList();
  final LongList quantileValues = new LongList();

  final ProtoHistogram histogram = new ProtoHistogram();

  /** Clears everything and starts the labels with {@code __name__="<family>"}. */
  void clear(Symbol nameLabel, Symbol family) {
    labels.clear();
    labels.add(nameLabel, family);
    counterBits = 0;
    gaugeBits = 0;
    untypedBits = 0;
    counterExemplar.clear();
    hasCounterExemplar = false;
    timestampMs = 0;
    summaryCount = 0;
    summarySumBits = 0;
    quantiles.clear();
    quantileValues.clear();
    histogram.clear();
  }
}
