package io.scrapestream.enrich.batch;

import com.google.protobuf.InvalidProtocolBufferException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads protobuf wire format from a byte array, checking every bound: the few operations {@link
 * BatchScanner} needs, without the general machinery of {@code CodedInputStream}.
 */
final class WireReader {
  static final int VARINT = 0;
  static final int FIXED64 = 1;
  static final int LENGTH_DELIMITED = 2;
  static final int FIXED32 = 5;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final byte[] bytes;
  private int position;

  WireReader(byte[] bytes) {
    this.bytes = bytes;
  }

  int position() {
    return position;
  }

  boolean atEnd() {
    return position >= bytes.length;
  }

  /** The next tag; a field number of 0 is refused. */
  int readTag() throws InvalidProtocolBufferException {
    int at = position;
    int tag = readVarint32();
    if (tag >>> 3 == 0) {
      throw new InvalidProtocolBufferException("tag at byte " + at + " has field number 0");
    }
    return tag;
  }

  /** A varint, truncated to 32 bits as protobuf does for int32 and uint32. */
  int readVarint32() throws InvalidProtocolBufferException {
    int p = position;
    if (p < bytes.length && bytes[p] >= 0) {
      position = p + 1;
      return bytes[p];
    }
    return (int) readVarint64();
  }

  long readVarint64() throws InvalidProtocolBufferException {
    long value = 0;
    int start = position;
    for (int shift = 0; shift < 70; shift += 7) {
      if (position >= bytes.length) {
        throw new InvalidProtocolBufferException("input ends inside the varint at byte " + start);
      }
      byte b = bytes[position++];
      value |= (long) (b & 0x7f) << shift;
      if (b >= 0) {
        return value;
      }
    }
    throw new InvalidProtocolBufferException(
        "varint at byte " + start + " is longer than 10 bytes");
  }

  long readFixed64() throws InvalidProtocolBufferException {
    require(8, "fixed64");
    long value = (long) LONGS.get(bytes, position);
    position += 8;
    return value;
  }

  /** The length of a length-delimited field, which must fit in what is left. */
  int readLength() throws InvalidProtocolBufferException {
    int at = position;
    int length = readVarint32();
    if (length < 0 || length > bytes.length - position) {
      throw new InvalidProtocolBufferException(
          "length-delimited field at byte "
              + at
              + " declares "
              + Integer.toUnsignedLong(length)
              + " bytes; "
              + (bytes.length - position)
              + " remain");
    }
    return length;
  }

  void skip(int tag) throws InvalidProtocolBufferException {
    switch (tag & 7) {
      case VARINT -> readVarint64();
      case FIXED64 -> advance(8, "fixed64");
      case LENGTH_DELIMITED -> skipBytes(readLength());
      case FIXED32 -> advance(4, "fixed32");
      default ->
          throw new InvalidProtocolBufferException(
              "tag "
                  + tag
                  + " before byte "
                  + position
                  + " has unsupported wire type "
                  + (tag & 7));
    }
  }

  /**
   * Reads the packed varints up to {@code end} into {@code index}'s references, in one tight loop
   * (this is where a batch spends most of its scanning).
   */
  void readPackedRefs(int end, BatchIndex index) throws InvalidProtocolBufferException {
    index.ensureRefCapacity(end - position);
    int[] refs = index.refs;
    int count = index.refCount;
    int max = index.maxRef;
    int p = position;
    while (p < end) {
      int ref = bytes[p];
      if (ref >= 0) {
        p++;
      } else {
        position = p;
        ref = (int) readVarint64();
        p = position;
      }
      refs[count++] = ref;
      if (ref > max || ref < 0) {
        max = ref < 0 ? Integer.MAX_VALUE : ref;
      }
    }
    position = p;
    index.refCount = count;
    index.maxRef = max;
  }

  /** Skips bytes whose count {@link #readLength()} already checked. */
  void skipBytes(int length) {
    position += length;
  }

  /** Fails unless the reader stopped exactly at {@code end} (the end of an embedded message). */
  void requireAt(int end, String what) throws InvalidProtocolBufferException {
    if (position != end) {
      throw new InvalidProtocolBufferException(
          what + " ending at byte " + end + " has a field running to byte " + position);
    }
  }

  private void advance(int length, String what) throws InvalidProtocolBufferException {
    require(length, what);
    position += length;
  }

  private void require(int length, String what) throws InvalidProtocolBufferException {
    if (bytes.length - position < length) {
      throw new InvalidProtocolBufferException(
          "input ends inside the " + what + " at byte " + position);
    }
  }
}
