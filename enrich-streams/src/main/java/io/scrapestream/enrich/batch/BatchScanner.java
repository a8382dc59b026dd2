package io.scrapestream.enrich.batch;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.UnsafeByteOperations;
import com.google.protobuf.WireFormat;
import io.scrapestream.schemas.v1.Chunk;
import io.scrapestream.schemas.v1.ScrapeReport;
import io.scrapestream.schemas.v1.Target;

/**
 * Indexes the bytes of a {@code ScrapeBatch} without building a message per series: the string
 * table and series become offsets, label references one flat array, values raw bits. Decoding is
 * the cost of this stage, so nothing else is copied or converted; the bytes are later written out
 * unchanged with what the stages appended (see {@link BatchEncoder}).
 */
public final class BatchScanner {
  static final int TARGET = tag(1, WireFormat.WIRETYPE_LENGTH_DELIMITED);
  static final int TIMESTAMP = tag(2, WireFormat.WIRETYPE_VARINT);
  static final int SYMBOL = tag(3, WireFormat.WIRETYPE_LENGTH_DELIMITED);
  static final int SERIES = tag(4, WireFormat.WIRETYPE_LENGTH_DELIMITED);
  static final int REPORT = tag(6, WireFormat.WIRETYPE_LENGTH_DELIMITED);
  static final int ATTRIBUTE = tag(7, WireFormat.WIRETYPE_LENGTH_DELIMITED);
  static final int CHUNK = tag(8, WireFormat.WIRETYPE_LENGTH_DELIMITED);
  static final int LABEL_REFS_PACKED = tag(1, WireFormat.WIRETYPE_LENGTH_DELIMITED);
  static final int LABEL_REF = tag(1, WireFormat.WIRETYPE_VARINT);
  static final int VALUE_BITS = tag(2, WireFormat.WIRETYPE_FIXED64);
  static final int SERIES_TIMESTAMP = tag(3, WireFormat.WIRETYPE_VARINT);

  private final BatchIndex reused = new BatchIndex(0);

  private BatchScanner() {}

  /**
   * A scanner that indexes every batch into the same arrays (see {@link #scanNext}). Not
   * thread-safe: one per processor instance, that is per task.
   */
  public static BatchScanner reusingIndex() {
    return new BatchScanner();
  }

  /**
   * Indexes {@code bytes} into this scanner's arrays, which the previous batch it returned used:
   * that batch must no longer be read. A Kafka Streams processor may do this, since a record is
   * processed and serialized at its sinks before the next one is read.
   *
   * @throws InvalidProtocolBufferException when the bytes are not a protobuf message
   * @throws BatchFormatException when they break the batch contract
   */
  public IndexedBatch scanNext(byte[] bytes)
      throws InvalidProtocolBufferException, BatchFormatException {
    reused.reset(bytes.length);
    return scan(bytes, reused);
  }

  /**
   * Indexes {@code bytes} into arrays of its own.
   *
   * @throws InvalidProtocolBufferException when the bytes are not a protobuf message
   * @throws BatchFormatException when they break the batch contract
   */
  public static IndexedBatch scan(byte[] bytes)
      throws InvalidProtocolBufferException, BatchFormatException {
    return scan(bytes, new BatchIndex(bytes.length));
  }

  private static IndexedBatch scan(byte[] bytes, BatchIndex index)
      throws InvalidProtocolBufferException, BatchFormatException {
    read(new WireReader(bytes), bytes, index);
    if (index.maxRef >= index.symbolCount) {
      reportReference(index);
    }
    return new IndexedBatch(bytes, index);
  }

  private static void read(WireReader in, byte[] bytes, BatchIndex index)
      throws InvalidProtocolBufferException, BatchFormatException {
    Target.Builder target = Target.newBuilder();
    ScrapeReport.Builder report = ScrapeReport.newBuilder();
    Chunk.Builder chunk = Chunk.newBuilder();
    boolean hasReport = false;
    while (!in.atEnd()) {
      int tag = in.readTag();
      if (tag == SERIES) {
        readSeries(in, index);
      } else if (tag == SYMBOL) {
        readSymbol(in, bytes, index);
      } else if (tag == TIMESTAMP) {
        index.timestampMs = in.readVarint64();
      } else if (tag == TARGET) {
        mergeInto(target, in, bytes);
      } else if (tag == REPORT) {
        mergeInto(report, in, bytes);
        hasReport = true;
      } else if (tag == CHUNK) {
        mergeInto(chunk, in, bytes);
      } else {
        in.skip(tag);
      }
    }
    index.target = target.build();
    index.report = hasReport ? report.build() : null;
    index.chunk = chunk.build();
  }

  /** Merges an embedded message, as protobuf does when a singular message field repeats. */
  private static void mergeInto(Message.Builder builder, WireReader in, byte[] bytes)
      throws InvalidProtocolBufferException {
    int length = in.readLength();
    builder.mergeFrom(bytes, in.position(), length);
    in.skipBytes(length);
  }

  private static void readSymbol(WireReader in, byte[] bytes, BatchIndex index)
      throws InvalidProtocolBufferException, BatchFormatException {
    int length = in.readLength();
    int offset = in.position();
    in.skipBytes(length);
    if (!UnsafeByteOperations.unsafeWrap(bytes, offset, length).isValidUtf8()) {
      throw new BatchFormatException(
          "symbols[" + index.symbolCount + "]: must be valid UTF-8. Found: invalid bytes");
    }
    index.addSymbol(offset, length);
  }

  private static void readSeries(WireReader in, BatchIndex index)
      throws InvalidProtocolBufferException, BatchFormatException {
    int length = in.readLength();
    int end = in.position() + length;
    index.beginSeries(in.position(), length);
    long bits = 0;
    while (in.position() < end) {
      int tag = in.readTag();
      if (tag == LABEL_REFS_PACKED) {
        int refsEnd = in.readLength() + in.position();
        in.readPackedRefs(refsEnd, index);
        in.requireAt(refsEnd, "packed label_refs");
      } else if (tag == VALUE_BITS) {
        bits = in.readFixed64();
      } else if (tag == LABEL_REF) {
        index.addRef(in.readVarint32());
      } else if (tag == SERIES_TIMESTAMP) {
        index.timestampCurrentSeries();
        in.skip(tag);
      } else {
        in.skip(tag);
      }
    }
    in.requireAt(end, "series");
    requirePairs(index);
    index.endSeries(bits);
  }

  private static void requirePairs(BatchIndex index) throws BatchFormatException {
    int refs = index.refCount - index.refStarts[index.seriesCount];
    if ((refs & 1) != 0) {
      throw new BatchFormatException(
          "series["
              + index.seriesCount
              + "].label_refs: must hold name/value pairs. Found: "
              + refs
              + " references");
    }
  }

  /** Names the first out-of-range reference or odd reference list. */
  private static void reportReference(BatchIndex index) throws BatchFormatException {
    int[] refs = index.refs;
    for (int s = 0; s < index.seriesCount; s++) {
      for (int i = index.refStarts[s]; i < index.refStarts[s + 1]; i++) {
        if (refs[i] < 0 || refs[i] >= index.symbolCount) {
          throw new BatchFormatException(
              "series[%d].label_refs[%d]: must refer to one of the %d symbols. Found: %d"
                  .formatted(
                      s,
                      i - index.refStarts[s],
                      index.symbolCount,
                      Integer.toUnsignedLong(refs[i])));
        }
      }
    }
  }

  static int tag(int field, int wireType) {
    return (field << 3) | wireType;
  }
}
