package io.scrapestream.ingest.parse;

import java.io.IOException;

/**
 * Decodes one {@code Metric} into a {@link ProtoMetric}: labels (names checked, values UTF-8, no
 * name twice), gauge, counter (with its exemplar), summary, untyped, histogram, timestamp. Created
 * timestamps are skipped: the batch has no place for them.
 */
final class ProtoMetricReader {

  private final ProtoReader r;
  private final ProtoHistogramReader histograms;

  ProtoMetricReader(ProtoReader reader) {
    this.r = reader;
    this.histograms = new ProtoHistogramReader(reader, this);
  }

  /** Reads the metric message whose tag was just read. */
  void read(int tag, ProtoMetric m) throws IOException {
    int old = r.enter(tag, "MetricFamily.metric");
    for (int t = r.tag(); t != 0; t = r.tag()) {
      switch (ProtoReader.field(t)) {
        case 1 -> label(t, m.labels);
        case 2 -> m.gaugeBits = singleValue(t, "Metric.gauge", "Gauge.value");
        case 3 -> counter(t, m);
        case 4 -> summary(t, m);
        case 5 -> m.untypedBits = singleValue(t, "Metric.untyped", "Untyped.value");
        case 6 -> m.timestampMs = r.varint(t, "Metric.timestamp_ms");
        case 7 -> histograms.read(t, m.histogram);
        default -> r.skip(t);
      }
    }
    r.leave(old);
  }

  private void label(int tag, LabelBuffer labels) throws IOException {
    int old = r.enter(tag, "Metric.label");
    int at = r.offset();
    Symbol name = r.emptySymbol();
    Symbol value = name;
    for (int t = r.tag(); t != 0; t = r.tag()) {
      switch (ProtoReader.field(t)) {
        case 1 -> name = r.symbol(t, "label name");
        case 2 -> value = r.symbol(t, "label value");
        default -> r.skip(t);
      }
    }
    r.leave(old);
    if (!Names.isLabelName(name.bytes)) {
      throw new ProtoFormatException("invalid label name: \"" + name.text + "\"", at);
    }
    if (!labels.add(name, value)) {
      throw new ProtoFormatException(
          "label name \"" + name.text + "\" is not unique: invalid sample", at);
    }
  }

  /** A {@code Gauge} or {@code Untyped}: its {@code value}. */
  private long singleValue(int tag, String what, String valueWhat) throws IOException {
    int old = r.enter(tag, what);
    long bits = 0;
    for (int t = r.tag(); t != 0; t = r.tag()) {
      if (ProtoReader.field(t) == 1) {
        bits = r.doubleBits(t, valueWhat);
      } else {
        r.skip(t);
      }
    }
    r.leave(old);
    return bits;
  }

  private void counter(int tag, ProtoMetric m) throws IOException {
    int old = r.enter(tag, "Metric.counter");
    for (int t = r.tag(); t != 0; t = r.tag()) {
      switch (ProtoReader.field(t)) {
        case 1 -> m.counterBits = r.doubleBits(t, "Counter.value");
        case 2 -> {
          m.counterExemplar.clear();
          exemplar(t, m.counterExemplar);
          m.hasCounterExemplar = true;
        }
        default -> r.skip(t);
      }
    }
    r.leave(old);
  }

  private void summary(int tag, ProtoMetric m) throws IOException {
    int old = r.enter(tag, "Metric.summary");
    for (int t = r.tag(); t != 0; t = r.tag()) {
      switch (ProtoReader.field(t)) {
        case 1 -> m.summaryCount = r.varint(t, "Summary.sample_count");
        case 2 -> m.summarySumBits = r.doubleBits(t, "Summary.sample_sum");
        case 3 -> quantile(t, m);
        default -> r.skip(t);
      }
    }
    r.leave(old);
  }

  private void quantile(int tag, ProtoMetric m) throws IOException {
    int old = r.enter(tag, "Summary.quantile");
    long quantile = 0;
    long value = 0;
    for (int t = r.tag(); t != 0; t = r.tag()) {
      switch (ProtoReader.field(t)) {
        case 1 -> quantile = r.doubleBits(t, "Quantile.quantile");
        case 2 -> value = r.doubleBits(t, "Quantile.value");
        default -> r.skip(t);
      }
    }
    r.leave(old);
    m.quantiles.add(quantile);
    m.quantileValues.add(value);
  }

  /** Reads an {@code Exemplar} message into {@code e} (cleared by the caller). */
  void exemplar(int tag, ProtoExemplar e) throws IOException {
    int old = r.enter(tag, "Exemplar");
    for (int t = r.tag(); t != 0; t = r.tag()) {
      switch (ProtoReader.field(t)) {
        case 1 -> exemplarLabel(t, e.labels);
        case 2 -> e.valueBits = r.doubleBits(t, "Exemplar.value");
        case 3 -> timestamp(t, e);
        default -> r.skip(t);
      }
    }
    r.leave(old);
  }

  private void exemplarLabel(int tag, LabelBuffer labels) throws IOException {
    int old = r.enter(tag, "Exemplar.label");
    Symbol name = r.emptySymbol();
    Symbol value = name;
    for (int t = r.tag(); t != 0; t = r.tag()) {
      switch (ProtoReader.field(t)) {
        case 1 -> name = r.symbol(t, "exemplar label name");
        case 2 -> value = r.symbol(t, "exemplar label value");
        default -> r.skip(t);
      }
    }
    r.leave(old);
    if (!labels.add(name, value)) {
      throw new ProtoFormatException("duplicate exemplar label name \"" + name.text + "\"");
    }
  }

  /** A {@code google.protobuf.Timestamp}, in milliseconds as Prometheus converts it. */
  private void timestamp(int tag, ProtoExemplar e) throws IOException {
    int old = r.enter(tag, "Exemplar.timestamp");
    long seconds = 0;
    long nanos = 0;
    for (int t = r.tag(); t != 0; t = r.tag()) {
      switch (ProtoReader.field(t)) {
        case 1 -> seconds = r.varint(t, "Timestamp.seconds");
        case 2 -> nanos = (int) r.varint(t, "Timestamp.nanos");
        default -> r.skip(t);
      }
    }
    r.leave(old);
    e.hasTimestamp = true;
    e.timestampMs = seconds * 1000 + nanos / 1_000_000;
  }
}
