package io.scrapestream.ingest.parse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Hands the series of one decoded metric to the visitor, as Prometheus's protobuf parser produces
 * them: one sample for a counter (with its exemplar), gauge or untyped metric; {@code _count},
 * {@code _sum} and one {@code quantile} series per quantile for a summary; for a histogram the
 * native histogram (with its exemplars) when it has a native part, and the classic {@code _count},
 * {@code _sum}, {@code _bucket} series (a {@code +Inf} bucket always, an exemplar per bucket) when
 * it has no native part or, with {@code scrape_classic_histograms}, when it also has buckets.
 */
final class ProtoSeries {

  private static final byte[] COUNT = "_count".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SUM = "_sum".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] BUCKET = "_bucket".getBytes(StandardCharsets.US_ASCII);

  private final SymbolTable symbols;
  private final FloatLabelValues floats;
  private final NativeHistograms natives = new NativeHistograms();
  private final boolean scrapeClassicHistograms;
  private SampleVisitor visitor;
  private Symbol le;
  private Symbol quantile;
  private Symbol family;
  private Symbol countName;
  private Symbol sumName;
  private Symbol bucketName;
  private byte[] scratch = new byte[128];

  ProtoSeries(SymbolTable symbols, FloatLabelValues floats, boolean scrapeClassicHistograms) {
    this.symbols = symbols;
    this.floats = floats;
    this.scrapeClassicHistograms = scrapeClassicHistograms;
  }

  void begin(SampleVisitor v, Symbol leLabel, Symbol quantileLabel) {
    visitor = v;
    le = leLabel;
    quantile = quantileLabel;
  }

  /** Ends the parse: lets go of the visitor (and what it holds). */
  void end() {
    visitor = null;
  }

  /** Starts the series of a family (checked by {@link ProtoFamily#check}). */
  void family(ProtoFamily f) {
    family = f.name;
    if (f.type == ProtoFamily.SUMMARY || f.isHistogram()) {
      countName = concat(f.name, COUNT);
      sumName = concat(f.name, SUM);
      bucketName = concat(f.name, BUCKET);
    }
  }

  void emit(int type, ProtoMetric m) throws ProtoFormatException {
    switch (type) {
      case ProtoFamily.COUNTER -> {
        sample(m, family, m.counterBits);
        if (m.hasCounterExemplar) {
          exemplar(m.counterExemplar);
        }
      }
      case ProtoFamily.GAUGE -> sample(m, family, m.gaugeBits);
      case ProtoFamily.UNTYPED -> sample(m, family, m.untypedBits);
      case ProtoFamily.SUMMARY -> summary(m);
      default -> histogram(m, type == ProtoFamily.GAUGE_HISTOGRAM);
    }
  }

  private void summary(ProtoMetric m) throws ProtoFormatException {
    sample(m, countName, bits(ProtoNumbers.unsignedToDouble(m.summaryCount)));
    sample(m, sumName, m.summarySumBits);
    for (int i = 0; i < m.quantiles.size(); i++) {
      withLabel(m, family, quantile, floats.of(m.quantiles.getDouble(i)), m.quantileValues.get(i));
    }
  }

  private void histogram(ProtoMetric m, boolean gauge) throws ProtoFormatException {
    ProtoHistogram h = m.histogram;
    if (h.isNative()) {
      m.labels.setValue(0, family);
      visitor.histogram(m.labels, natives.build(h, gauge), m.timestampMs != 0, m.timestampMs);
      nativeExemplars(h);
      if (!scrapeClassicHistograms || h.bucketBounds.size() == 0) {
        return;
      }
    }
    sample(m, countName, bits(h.count()));
    sample(m, sumName, h.sumBits);
    for (int i = 0; i < h.bucketBounds.size(); i++) {
      double bound = h.bucketBounds.getDouble(i);
      withLabel(m, bucketName, le, floats.of(bound), bits(h.bucketCount(i)));
      int at = (int) h.bucketExemplarAt.get(i);
      if (at >= 0) {
        exemplar(h.bucketExemplars.get(at));
      }
      if (bound == Double.POSITIVE_INFINITY) {
        return;
      }
    }
    withLabel(m, bucketName, le, floats.of(Double.POSITIVE_INFINITY), bits(h.count()));
  }

  /**
   * A native histogram's exemplars that have a timestamp: its own list when not empty, else those
   * of its classic buckets.
   */
  private void nativeExemplars(ProtoHistogram h) {
    ProtoExemplar.Pool pool = h.exemplars.size() > 0 ? h.exemplars : h.bucketExemplars;
    for (int i = 0; i < pool.size(); i++) {
      if (pool.get(i).hasTimestamp) {
        exemplar(pool.get(i));
      }
    }
  }

  private void sample(ProtoMetric m, Symbol name, long valueBits) {
    m.labels.setValue(0, name);
    visitor.sample(m.labels, valueBits, m.timestampMs != 0, m.timestampMs);
  }

  /** A sample with one more label ({@code le} or {@code quantile}) after the metric's own. */
  private void withLabel(ProtoMetric m, Symbol name, Symbol label, Symbol value, long valueBits)
      throws ProtoFormatException {
    int n = m.labels.size();
    if (!m.labels.add(label, value)) {
      throw new ProtoFormatException(
          "label name \"" + label.text + "\" is not unique: invalid sample");
    }
    sample(m, name, valueBits);
    m.labels.truncate(n);
  }

  private void exemplar(ProtoExemplar e) {
    visitor.exemplar(e.labels, e.valueBits, e.hasTimestamp, e.timestampMs);
  }

  private Symbol concat(Symbol prefix, byte[] suffix) {
    int n = prefix.bytes.length + suffix.length;
    if (scratch.length < n) {
      scratch = Arrays.copyOf(scratch, Math.max(n, scratch.length * 2));
    }
    System.arraycopy(prefix.bytes, 0, scratch, 0, prefix.bytes.length);
    System.arraycopy(suffix, 0, scratch, prefix.bytes.length, suffix.length);
    return symbols.intern(scratch, 0, n);
  }

  private static long bits(double v) {
    return Double.doubleToRawLongBits(v);
  }
}
