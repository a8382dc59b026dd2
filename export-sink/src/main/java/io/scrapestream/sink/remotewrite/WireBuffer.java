package io.scrapestream.sink.remotewrite;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Protobuf wire format written straight into a byte array sized beforehand — the bytes {@code
 * CodedOutputStream} writes, without its checks per value — for the hot loop of {@link
 * WriteRequestWriter}. The last 64-bit varint written is kept encoded: the samples of one scrape
 * share their timestamp, so it is encoded once per scrape, not once per sample. One thread at a
 * time.
 */
final class WireBuffer {
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private byte[] bytes = new byte[0];
  private int position;
  private long lastVarint;
  private final byte[] lastVarintBytes = new byte[10];
  private int lastVarintLength = 1;

  /** Writes into {@code target} from index 0 on. */
  void start(byte[] target) {
    bytes = target;
    position = 0;
  }

  /** Where the next byte goes: the length written so far. */
  int position() {
    return position;
  }

  /** A field's tag of one byte (field numbers 1 to 15), as {@code writeTag} writes it. */
  void tag(int field, int wireType) {
    bytes[position++] = (byte) (field << 3 | wireType);
  }

  /** An unsigned 32-bit varint (lengths). */
  void varint32(int value) {
    int v = value;
    while ((v & ~0x7F) != 0) {
      bytes[position++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    bytes[position++] = (byte) v;
  }

  /** A 64-bit varint ({@code int64}: ten bytes when negative), reusing the last encoding. */
  void varint64(long value) {
    if (value != lastVarint) {
      encode(value);
    }
    for (int i = 0; i < lastVarintLength; i++) {
      bytes[position + i] = lastVarintBytes[i];
    }
    position += lastVarintLength;
  }

  private void encode(long value) {
    long v = value;
    int length = 0;
    while ((v & ~0x7FL) != 0) {
      lastVarintBytes[length++] = (byte) (((int) v & 0x7F) | 0x80);
      v >>>= 7;
    }
    lastVarintBytes[length++] = (byte) v;
    lastVarintLength = length;
    lastVarint = value;
  }

  /** Eight little-endian bytes ({@code fixed64}, {@code double}). */
  void fixed64(long value) {
    LONG_LE.set(bytes, position, value);
    position += 8;
  }

  /** The bytes as they are. */
  void raw(byte[] value) {
    System.arraycopy(value, 0, bytes, position, value.length);
    position += value.length;
  }
}
