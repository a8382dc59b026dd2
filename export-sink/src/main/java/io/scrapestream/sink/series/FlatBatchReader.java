package io.scrapestream.sink.series;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.ExtensionRegistryLite;
import com.google.protobuf.InvalidProtocolBufferException;
import io.scrapestream.schemas.v1.Attribute;
import io.scrapestream.schemas.v1.Chunk;
import io.scrapestream.schemas.v1.Exemplar;
import io.scrapestream.schemas.v1.NativeHistogram;
import io.scrapestream.schemas.v1.ScrapeReport;
import io.scrapestream.schemas.v1.Target;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the bytes of one {@code ScrapeBatch} into {@link FlatBatch.Columns} with protobuf-java's
 * {@link CodedInputStream}, field by field as the generated parser does (same tags, packed or not,
 * last value wins, unknown fields skipped, strings checked as UTF-8), without a {@code Series}
 * object. The fields the columns do not hold (target, report, attributes, chunk, histograms,
 * exemplars) are parsed by their own parsers and dropped, metadata read past as its parser reads
 * it, so that what this reader takes, the message parser takes too. One thread at a time; its
 * arrays grow to the largest batch and are kept.
 */
final class FlatBatchReader {
  private static final ExtensionRegistryLite REGISTRY = ExtensionRegistryLite.getEmptyRegistry();

  private CodedInputStream in;
  private byte[] bytes;
  private long timestampMs;
  private final List<String> symbols = new ArrayList<>();
  private int series;
  private int[] refStarts = new int[64];
  private int[] refs = new int[1024];
  private int refCount;
  private long[] valueBits = new long[64];
  private long[] timestamps = new long[64];
  private boolean[] ownTimestamp = new boolean[64];
  private boolean floatsOnly = true;

  /**
   * The columns of the batch in {@code bytes}; the reader's arrays are kept for the next one.
   *
   * @throws IOException when the bytes are not a {@code ScrapeBatch}
   */
  FlatBatch.Columns read(byte[] bytes) throws IOException {
    this.bytes = bytes;
    in = CodedInputStream.newInstance(bytes);
    timestampMs = 0;
    symbols.clear();
    series = 0;
    refCount = 0;
    floatsOnly = true;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      batchField(tag);
    }
    refStarts[series] = refCount;
    for (int i = 0; i < series; i++) {
      if (!ownTimestamp[i]) {
        timestamps[i] = timestampMs;
      }
    }
    return new FlatBatch.Columns(
        timestampMs,
        symbols.toArray(new String[0]),
        Arrays.copyOf(refStarts, series + 1),
        Arrays.copyOf(refs, refCount),
        Arrays.copyOf(valueBits, series),
        Arrays.copyOf(timestamps, series),
        floatsOnly);
  }

  private void batchField(int tag) throws IOException {
    switch (tag) {
      case 10 -> in.readMessage(Target.parser(), REGISTRY);
      case 16 -> timestampMs = in.readInt64();
      case 26 -> symbols.add(in.readStringRequireUtf8());
      case 34 -> series();
      case 42 -> metadata();
      case 50 -> in.readMessage(ScrapeReport.parser(), REGISTRY);
      case 58 -> in.readMessage(Attribute.parser(), REGISTRY);
      case 66 -> in.readMessage(Chunk.parser(), REGISTRY);
      default -> skip(tag);
    }
  }

  /**
   * Reads past one {@code MetricFamilyMetadata} as its parser reads it — four varint fields,
   * unknown fields skipped, an end-group tag refused — without building it: a scrape of
   * node_exporter carries ~100 of them, and building each was most of what the sink allocated (JFR,
   * pipeline).
   */
  private void metadata() throws IOException {
    int limit = in.pushLimit(in.readRawVarint32());
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (tag) {
        case 8, 16, 24, 32 -> in.readRawVarint32();
        default -> skip(tag);
      }
    }
    in.popLimit(limit);
  }

  private void series() throws IOException {
    int limit = in.pushLimit(in.readRawVarint32());
    startSeries();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      seriesField(tag);
    }
    in.popLimit(limit);
    series++;
  }

  private void seriesField(int tag) throws IOException {
    switch (tag) {
      case 8 -> addRef(in.readUInt32());
      case 10 -> packedRefs();
      case 17 -> valueBits[series] = in.readFixed64();
      case 24 -> {
        timestamps[series] = in.readInt64();
        ownTimestamp[series] = true;
      }
      case 34 -> {
        in.readMessage(NativeHistogram.parser(), REGISTRY);
        floatsOnly = false;
      }
      case 42 -> {
        in.readMessage(Exemplar.parser(), REGISTRY);
        floatsOnly = false;
      }
      default -> skip(tag);
    }
  }

  /**
   * Reads packed references straight from the bytes, as {@code readRawVarint32} reads each (a
   * longer varint cut to its low 32 bits). A length past the series, or a varint that runs past the
   * references' end or is longer than ten bytes, is refused (so is it by the message parser).
   */
  private void packedRefs() throws IOException {
    int length = in.readRawVarint32();
    if (length < 0 || length > in.getBytesUntilLimit()) {
      throw new InvalidProtocolBufferException(
          "packed label_refs: length past the series. Found: " + length);
    }
    int cursor = in.getTotalBytesRead();
    int end = cursor + length;
    while (cursor < end) {
      byte b = bytes[cursor++];
      if (b >= 0) {
        addRef(b);
      } else {
        cursor = longVarint(b, cursor, end);
      }
    }
    in.skipRawBytes(length);
  }

  /** Adds the varint of more than one byte starting with {@code first}; answers where it ends. */
  private int longVarint(byte first, int from, int end) throws InvalidProtocolBufferException {
    long value = first & 0x7F;
    int cursor = from;
    for (int shift = 7; shift < 70 && cursor < end; shift += 7) {
      byte b = bytes[cursor++];
      value |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        addRef((int) value);
        return cursor;
      }
    }
    throw new InvalidProtocolBufferException(
        "packed label_refs: a varint runs past their end or is longer than ten bytes");
  }

  private void startSeries() {
    if (series + 2 > refStarts.length) {
      int size = refStarts.length * 2;
      refStarts = Arrays.copyOf(refStarts, size);
      valueBits = Arrays.copyOf(valueBits, size);
      timestamps = Arrays.copyOf(timestamps, size);
      ownTimestamp = Arrays.copyOf(ownTimestamp, size);
    }
    refStarts[series] = refCount;
    valueBits[series] = 0;
    timestamps[series] = 0;
    ownTimestamp[series] = false;
  }

  private void addRef(int ref) {
    if (refCount == refs.length) {
      refs = Arrays.copyOf(refs, refCount * 2);
    }
    refs[refCount++] = ref;
  }

  /** Skips a field the columns do not hold; an end-group tag outside a group ends the message. */
  private void skip(int tag) throws IOException {
    if (!in.skipField(tag)) {
      throw new InvalidProtocolBufferException("end-group tag outside a group: " + tag);
    }
  }
}
