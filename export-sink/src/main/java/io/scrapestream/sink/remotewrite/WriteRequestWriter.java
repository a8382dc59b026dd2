package io.scrapestream.sink.remotewrite;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import io.scrapestream.schemas.prompb.MetricMetadata;
import io.scrapestream.sink.series.FlatBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.xerial.snappy.Snappy;

/**
 * Writes the body of a remote write 1.0 request — the snappy block of the {@code WriteRequest}
 * bytes, those protobuf-java writes for {@link WriteRequestConverter#convert}'s request — straight
 * from the batches' string tables and label references: no message object, string or array per
 * series or sample, and its buffers are kept for the next request. Float samples only: batches with
 * a native histogram or an exemplar are left to {@link WriteRequestConverter}. One thread at a
 * time.
 */
final class WriteRequestWriter {
  private static final int LABELS = 1;
  private static final int SAMPLES = 2;
  private static final int TIMESERIES = 1;
  private static final int METADATA = 3;

  private final SymbolInterner symbols = new SymbolInterner();
  private final LabelSorter labels = new LabelSorter(symbols);
  private final SeriesTable table = new SeriesTable();
  private final WireBuffer wire = new WireBuffer();
  private byte[][] utf8 = new byte[256][];
  private int[] seriesSizes = new int[256];
  private byte[] protobuf = new byte[1 << 16];
  private byte[] compressed = new byte[1 << 16];

  /**
   * A request body and what it holds.
   *
   * @param snappy the body: the protobuf bytes in the snappy block format; empty without series
   * @param protobufLength the length of the protobuf bytes; 0 for a request without series
   * @param samples the samples in it
   */
  record Body(byte[] snappy, int protobufLength, long samples) {
    Body {
      Objects.requireNonNull(snappy, "snappy");
      if (protobufLength < 0 || samples < 0) {
        throw new IllegalArgumentException(
            "protobufLength and samples: must be >= 0. Found: " + protobufLength + ", " + samples);
      }
    }
  }

  /**
   * The body of the batches' request, with their metric family metadata when asked; empty when a
   * batch holds a native histogram or an exemplar.
   *
   * @throws io.scrapestream.sink.series.InvalidBatchException when a batch breaks its record
   *     contract (the messages of {@link WriteRequestConverter})
   */
  Optional<Body> write(List<FlatBatch> batches, boolean withMetadata) {
    symbols.clear();
    labels.clear();
    table.clear();
    Arrays.fill(utf8, null);
    for (FlatBatch batch : batches) {
      if (!batch.floatsOnly()) {
        return Optional.empty();
      }
      add(batch);
    }
    List<MetricMetadata> metadata =
        withMetadata
            ? List.copyOf(WriteRequestConverter.metadata(FlatBatch.messages(batches)))
            : List.of();
    table.sortSamples();
    int length = encode(metadata);
    byte[] snappy = length == 0 ? new byte[0] : compress(length);
    return Optional.of(new Body(snappy, length, table.sampleCount()));
  }

  /** Adds the float samples of the batch. */
  private void add(FlatBatch batch) {
    symbols.use(batch);
    for (int i = 0; i < batch.seriesCount(); i++) {
      int id = table.id(labels.pairs(), labels.sort(batch, i));
      table.sample(id, batch.timestampMs(i), batch.valueBits(i));
    }
  }

  /** Writes the request into {@link #protobuf}; answers its length. */
  private int encode(List<MetricMetadata> metadata) {
    int seriesBytes = sizeSeries();
    int total = seriesBytes;
    for (MetricMetadata m : metadata) {
      total += CodedOutputStream.computeMessageSize(METADATA, m);
    }
    if (protobuf.length < total) {
      protobuf = new byte[Math.max(total, protobuf.length * 2)];
    }
    wire.start(protobuf);
    for (int id = 0; id < table.seriesCount(); id++) {
      writeSeries(id);
    }
    if (wire.position() != seriesBytes) {
      throw new IllegalStateException(
          "remote write series: sized " + seriesBytes + " bytes. Found: " + wire.position());
    }
    CodedOutputStream out =
        CodedOutputStream.newInstance(protobuf, seriesBytes, total - seriesBytes);
    try {
      for (MetricMetadata m : metadata) {
        out.writeMessage(METADATA, m);
      }
      out.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a remote write request in memory", e);
    }
    return total;
  }

  /** Keeps the size of every series' message; answers the size of their fields in the request. */
  private int sizeSeries() {
    int series = table.seriesCount();
    if (seriesSizes.length < series) {
      seriesSizes = new int[Math.max(series, seriesSizes.length * 2)];
    }
    int total = 0;
    for (int id = 0; id < series; id++) {
      seriesSizes[id] = seriesSize(id);
      total += field(TIMESERIES, seriesSizes[id]);
    }
    return total;
  }

  private int seriesSize(int id) {
    int[] refs = table.refs();
    int size = 0;
    for (int i = table.refsStart(id), end = i + table.refsLength(id); i < end; i += 2) {
      size += field(LABELS, labelSize(refs[i], refs[i + 1]));
    }
    for (int p = table.firstSample(id), end = table.firstSample(id + 1); p < end; p++) {
      size += field(SAMPLES, sampleSize(table.sampleAt(p)));
    }
    return size;
  }

  private void writeSeries(int id) {
    wire.tag(TIMESERIES, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    wire.varint32(seriesSizes[id]);
    int[] refs = table.refs();
    for (int i = table.refsStart(id), end = i + table.refsLength(id); i < end; i += 2) {
      byte[] name = utf8(refs[i]);
      byte[] value = utf8(refs[i + 1]);
      wire.tag(LABELS, WireFormat.WIRETYPE_LENGTH_DELIMITED);
      wire.varint32(labelSize(refs[i], refs[i + 1]));
      writeString(1, name);
      writeString(2, value);
    }
    for (int p = table.firstSample(id), end = table.firstSample(id + 1); p < end; p++) {
      int sample = table.sampleAt(p);
      wire.tag(SAMPLES, WireFormat.WIRETYPE_LENGTH_DELIMITED);
      wire.varint32(sampleSize(sample));
      long bits = table.valueBits(sample);
      long timestamp = table.timestamp(sample);
      if (bits != 0) {
        wire.tag(1, WireFormat.WIRETYPE_FIXED64);
        wire.fixed64(bits);
      }
      if (timestamp != 0) {
        wire.tag(2, WireFormat.WIRETYPE_VARINT);
        wire.varint64(timestamp);
      }
    }
  }

  /** A string field of a Label: never empty here (names never are, empty values were left out). */
  private void writeString(int field, byte[] utf8) {
    wire.tag(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    wire.varint32(utf8.length);
    wire.raw(utf8);
  }

  /** A Sample message as protobuf-java writes it: proto3 leaves out zero fields. */
  private int sampleSize(int sample) {
    long timestamp = table.timestamp(sample);
    return (table.valueBits(sample) != 0 ? 9 : 0)
        + (timestamp != 0 ? 1 + CodedOutputStream.computeInt64SizeNoTag(timestamp) : 0);
  }

  /** The size of a Label message: its name and value fields. */
  private int labelSize(int name, int value) {
    return field(1, utf8(name).length) + field(2, utf8(value).length);
  }

  /** The UTF-8 bytes of a request string, encoded once per request. */
  private byte[] utf8(int ref) {
    if (ref >= utf8.length) {
      utf8 = Arrays.copyOf(utf8, Math.max(ref + 1, utf8.length * 2));
    }
    byte[] bytes = utf8[ref];
    if (bytes == null) {
      bytes = symbols.symbol(ref).getBytes(StandardCharsets.UTF_8);
      utf8[ref] = bytes;
    }
    return bytes;
  }

  private byte[] compress(int length) {
    int max = Snappy.maxCompressedLength(length);
    if (compressed.length < max) {
      compressed = new byte[Math.max(max, compressed.length * 2)];
    }
    try {
      int size = Snappy.compress(protobuf, 0, length, compressed, 0);
      return Arrays.copyOf(compressed, size);
    } catch (IOException e) {
      throw new UncheckedIOException("snappy could not compress a remote write request", e);
    }
  }

  private static int field(int number, int length) {
    return CodedOutputStream.computeTagSize(number)
        + CodedOutputStream.computeUInt32SizeNoTag(length)
        + length;
  }
}
