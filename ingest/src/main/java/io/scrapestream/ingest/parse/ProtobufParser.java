package io.scrapestream.ingest.parse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The Prometheus protobuf format: {@code io.prometheus.client.MetricFamily} messages, each after a
 * varint length ({@code application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily;
 * encoding=delimited}). Decoded with protobuf-java's {@code CodedInputStream} straight from the
 * body into reused scratch objects, names and label values interned from the bytes: no message
 * objects and no strings per sample. Produces what Prometheus's {@code
 * model/textparse/protobufparse.go} produces (see {@link ProtoSeries}), with names checked by the
 * classic syntax, as by Prometheus with {@code metric_name_validation_scheme: legacy}. Labels come
 * in exposition order after {@code __name__}, then {@code le} or {@code quantile}. A {@code
 * timestamp_ms} of 0 means "no timestamp", as in Prometheus. Created timestamps are skipped: the
 * batch has no field for them.
 */
public final class ProtobufParser implements ExpositionParser {

  private static final byte[] LE = "le".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] QUANTILE = "quantile".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_PREFIX_BYTES = 5;

  private final SymbolTable symbols = new SymbolTable();
  private final ProtoReader reader = new ProtoReader(symbols);
  private final ProtoFamily family = new ProtoFamily();
  private final ProtoMetric metric = new ProtoMetric();
  private final ProtoMetricReader metrics = new ProtoMetricReader(reader);
  private final FloatLabelValues floats = new FloatLabelValues(symbols);
  private final ProtoSeries series;
  private SampleVisitor visitor;
  private Symbol nameLabel;
  private int familyIndex;
  private int familyLength;

  /**
   * @param scrapeClassicHistograms also produce the classic series of histograms that have a native
   *     part and buckets ({@code scrape_classic_histograms})
   */
  public ProtobufParser(boolean scrapeClassicHistograms) {
    this.series = new ProtoSeries(symbols, floats, scrapeClassicHistograms);
  }

  @Override
  public void parse(byte[] body, int offset, int length, SampleVisitor v)
      throws ExpositionParseException {
    Objects.checkFromIndexSize(offset, length, body.length);
    visitor = Objects.requireNonNull(v, "visitor");
    symbols.beginParse();
    if (symbols.startedOver()) {
      floats.clear();
    }
    try {
      nameLabel = symbols.intern(PrometheusTextParser.NAME_LABEL, 0, 8);
      series.begin(v, symbols.intern(LE, 0, 2), symbols.intern(QUANTILE, 0, 8));
      reader.open(body, offset, length);
      familyIndex = 0;
      int end = offset + length;
      for (int at = offset; at < end; ) {
        familyIndex++;
        at = parseFamily(body, at, end);
      }
    } finally {
      visitor = null;
      series.end();
      reader.close();
      symbols.endParse();
    }
  }

  /** Parses the family whose length prefix is at {@code at}; returns where the next one starts. */
  private int parseFamily(byte[] body, int at, int end) throws ExpositionParseException {
    int from = readLengthPrefix(body, at, end);
    try {
      reader.skipTo(from);
      decodeFamily(body, from, familyLength);
    } catch (ProtoFormatException e) {
      long where = e.byteOffset >= 0 ? e.byteOffset : reader.offset();
      throw ExpositionParseException.inBinary(familyIndex, where, e.getMessage());
    } catch (IOException e) {
      throw ExpositionParseException.inBinary(
          familyIndex, reader.offset(), "malformed protobuf: " + e.getMessage());
    }
    return from + familyLength;
  }

  /**
   * Reads the varint at {@code at} into {@link #familyLength} and returns where the family starts;
   * Prometheus's limits: at most 5 bytes, no more than what remains.
   */
  private int readLengthPrefix(byte[] body, int at, int end) throws ExpositionParseException {
    long length = 0;
    int i = at;
    for (int shift = 0; ; shift += 7) {
      if (i >= end || i - at >= MAX_PREFIX_BYTES) {
        throw ExpositionParseException.inBinary(
            familyIndex,
            at,
            "invalid length prefix: expected a varint of at most 5 bytes. Found: "
                + ProtoReader.printable(body, at, Math.min(end, at + MAX_PREFIX_BYTES + 1)));
      }
      byte b = body[i++];
      length |= (long) (b & 0x7f) << shift;
      if (b >= 0) {
        break;
      }
    }
    if (length > end - i) {
      throw truncated(at, length, end - i);
    }
    familyLength = (int) length;
    return i;
  }

  private ExpositionParseException truncated(int at, long length, int remaining) {
    return ExpositionParseException.inBinary(
        familyIndex,
        at,
        "truncated metric family: its length prefix announces "
            + length
            + " bytes, "
            + remaining
            + " remain");
  }

  /**
   * Decodes a family in one pass when its name and type come before its metrics, as encoders write
   * them; otherwise counts the metrics, then reads them again once the header is known.
   */
  private void decodeFamily(byte[] body, int from, int length) throws IOException {
    int old = reader.limit(length);
    family.begin(from);
    boolean streaming = false;
    for (int tag = reader.tag(); tag != 0; tag = reader.tag()) {
      if (ProtoReader.field(tag) != 4) {
        headerField(tag);
      } else if (streaming || (family.metrics == 0 && family.nameSeen && family.typeSeen)) {
        if (!streaming) {
          family.check(symbols, body, from);
          announce();
          streaming = true;
        }
        decodeMetric(tag);
      } else {
        reader.bytes(tag, "MetricFamily.metric");
        family.metrics++;
      }
    }
    reader.leave(old);
    if (streaming) {
      family.checkUnit(symbols, body, from);
      announceUnit();
    } else if (family.metrics > 0) {
      rereadMetrics(body, from, length);
    }
  }

  private void headerField(int tag) throws IOException {
    if (!family.header(reader, tag)) {
      reader.skip(tag);
    }
  }

  /** The second pass of a family whose header came after its first metric. */
  private void rereadMetrics(byte[] body, int from, int length) throws IOException {
    family.check(symbols, body, from);
    family.checkUnit(symbols, body, from);
    announce();
    announceUnit();
    reader.reread(from, length);
    for (int tag = reader.tag(); tag != 0; tag = reader.tag()) {
      if (ProtoReader.field(tag) == 4) {
        decodeMetric(tag);
      } else {
        reader.skip(tag);
      }
    }
    reader.resume();
  }

  private void decodeMetric(int tag) throws IOException {
    metric.clear(nameLabel, family.name);
    metrics.read(tag, metric);
    series.emit(family.type, metric);
  }

  /** Reports the family's type and help, and starts its series. */
  private void announce() {
    String name = family.name.text;
    visitor.type(name, family.metricType());
    if (!family.help.text.isEmpty()) {
      visitor.help(name, family.help.text);
    }
    series.family(family);
  }

  private void announceUnit() {
    if (!family.unit.text.isEmpty()) {
      visitor.unit(family.name.text, family.unit.text);
    }
  }
}
