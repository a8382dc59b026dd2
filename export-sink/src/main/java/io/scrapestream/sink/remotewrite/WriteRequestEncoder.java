package io.scrapestream.sink.remotewrite;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import io.scrapestream.schemas.prompb.Exemplar;
import io.scrapestream.schemas.prompb.Histogram;
import io.scrapestream.schemas.prompb.MetricMetadata;
import io.scrapestream.schemas.prompb.Sample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes the protobuf bytes of a remote write 1.0 {@code WriteRequest} straight from grouped
 * series, the bytes protobuf-java would write for the same message: each string is encoded to UTF-8
 * once per request and copied into every series that has it, and no {@code Label} or {@code
 * TimeSeries} object is built.
 */
final class WriteRequestEncoder {
  private static final int LABELS = 1;
  private static final int SAMPLES = 2;
  private static final int EXEMPLARS = 3;
  private static final int HISTOGRAMS = 4;
  private static final int TIMESERIES = 1;
  private static final int METADATA = 3;

  private final SymbolInterner symbols;
  private final byte[][] utf8;

  private WriteRequestEncoder(SymbolInterner symbols) {
    this.symbols = symbols;
    this.utf8 = new byte[symbols.symbols().size()][];
  }

  /** The bytes of the request; series without samples are left out. */
  static byte[] encode(
      SymbolInterner symbols, Map<LabelRefs, SeriesSamples> series, List<MetricMetadata> metadata) {
    WriteRequestEncoder encoder = new WriteRequestEncoder(symbols);
    int[] sizes = encoder.sizes(series);
    int total = 0;
    for (int size : sizes) {
      total += size < 0 ? 0 : field(TIMESERIES, size);
    }
    for (MetricMetadata m : metadata) {
      total += CodedOutputStream.computeMessageSize(METADATA, m);
    }
    byte[] bytes = new byte[total];
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    try {
      encoder.write(out, series, sizes);
      for (MetricMetadata m : metadata) {
        out.writeMessage(METADATA, m);
      }
      out.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a remote write request in memory", e);
    }
    return bytes;
  }

  /** The size of each series' message, -1 for one without samples (left out). */
  private int[] sizes(Map<LabelRefs, SeriesSamples> series) {
    int[] sizes = new int[series.size()];
    int i = 0;
    for (Map.Entry<LabelRefs, SeriesSamples> entry : series.entrySet()) {
      sizes[i++] = entry.getValue().isEmpty() ? -1 : size(entry.getKey(), entry.getValue());
    }
    return sizes;
  }

  private void write(CodedOutputStream out, Map<LabelRefs, SeriesSamples> series, int[] sizes)
      throws IOException {
    int i = 0;
    for (Map.Entry<LabelRefs, SeriesSamples> entry : series.entrySet()) {
      if (sizes[i] >= 0) {
        out.writeTag(TIMESERIES, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.writeUInt32NoTag(sizes[i]);
        writeSeries(out, entry.getKey(), entry.getValue());
      }
      i++;
    }
  }

  private int size(LabelRefs labels, SeriesSamples series) {
    int size = 0;
    int[] refs = labels.refs();
    for (int j = 0; j < refs.length; j += 2) {
      size += field(LABELS, labelSize(refs[j], refs[j + 1]));
    }
    for (Sample sample : series.sortedSamples()) {
      size += CodedOutputStream.computeMessageSize(SAMPLES, sample);
    }
    for (Exemplar exemplar : series.sortedExemplars()) {
      size += CodedOutputStream.computeMessageSize(EXEMPLARS, exemplar);
    }
    for (Histogram histogram : series.sortedHistograms()) {
      size += CodedOutputStream.computeMessageSize(HISTOGRAMS, histogram);
    }
    return size;
  }

  private void writeSeries(CodedOutputStream out, LabelRefs labels, SeriesSamples series)
      throws IOException {
    int[] refs = labels.refs();
    for (int j = 0; j < refs.length; j += 2) {
      out.writeTag(LABELS, WireFormat.WIRETYPE_LENGTH_DELIMITED);
      out.writeUInt32NoTag(labelSize(refs[j], refs[j + 1]));
      out.writeByteArray(1, utf8(refs[j]));
      out.writeByteArray(2, utf8(refs[j + 1]));
    }
    for (Sample sample : series.sortedSamples()) {
      out.writeMessage(SAMPLES, sample);
    }
    for (Exemplar exemplar : series.sortedExemplars()) {
      out.writeMessage(EXEMPLARS, exemplar);
    }
    for (Histogram histogram : series.sortedHistograms()) {
      out.writeMessage(HISTOGRAMS, histogram);
    }
  }

  /** The size of a Label message: its name and value fields. */
  private int labelSize(int name, int value) {
    return field(1, utf8(name).length) + field(2, utf8(value).length);
  }

  /** The UTF-8 bytes of a symbol, encoded once per request. */
  private byte[] utf8(int ref) {
    byte[] bytes = utf8[ref];
    if (bytes == null) {
      bytes = symbols.symbol(ref).getBytes(StandardCharsets.UTF_8);
      utf8[ref] = bytes;
    }
    return bytes;
  }

  /** The size of a length-delimited field of {@code length} bytes: tag, length, content. */
  private static int field(int number, int length) {
    return CodedOutputStream.computeTagSize(number)
        + CodedOutputStream.computeUInt32SizeNoTag(length)
        + length;
  }
}
