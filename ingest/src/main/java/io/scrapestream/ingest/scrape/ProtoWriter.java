package io.scrapestream.ingest.scrape;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A growable, reused buffer of protobuf wire format: tags, varints, fixed64 and raw bytes, written
 * as {@code CodedOutputStream} writes them. {@link #reset()} keeps the capacity for the next
 * scrape.
 */
final class ProtoWriter {
  static final int VARINT = 0;
  static final int FIXED64 = 1;
  static final int LENGTH_DELIMITED = 2;

  /** Little-endian 8-byte stores into a byte array: protobuf's fixed64 in one write. */
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private byte[] buffer;
  private int position;

  ProtoWriter(int capacity) {
    this(new byte[capacity]);
  }

  /** A writer filling {@code buffer} from its start (it grows into a new array when full). */
  ProtoWriter(byte[] buffer) {
    this.buffer = buffer;
  }

  void reset() {
    position = 0;
  }

  int position() {
    return position;
  }

  byte[] buffer() {
    return buffer;
  }

  void tag(int field, int wireType) {
    varint32((field << 3) | wireType);
  }

  void varint32(int value) {
    if ((value & ~0x7F) == 0) { // tags, sizes and refs: mostly one byte
      ensure(1);
      buffer[position++] = (byte) value;
      return;
    }
    ensure(varint32Size(value));
    while ((value & ~0x7F) != 0) {
      buffer[position++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    buffer[position++] = (byte) value;
  }

  /** Writes {@code values[0, count)} as varints, {@code size} bytes in all. */
  void varints(int[] values, int count, int size) {
    ensure(size);
    byte[] b = buffer;
    int p = position;
    if (size == count) { // every value below 128: one byte each
      for (int i = 0; i < count; i++) {
        b[p + i] = (byte) values[i];
      }
      position = p + count;
      return;
    }
    for (int i = 0; i < count; i++) {
      int value = values[i];
      while ((value & ~0x7F) != 0) {
        b[p++] = (byte) ((value & 0x7F) | 0x80);
        value >>>= 7;
      }
      b[p++] = (byte) value;
    }
    position = p;
  }

  void varint64(long value) {
    ensure(varint64Size(value));
    while ((value & ~0x7FL) != 0) {
      buffer[position++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    buffer[position++] = (byte) value;
  }

  void fixed64(long value) {
    ensure(8);
    LONG_LE.set(buffer, position, value);
    position += 8;
  }

  void bytes(byte[] bytes, int offset, int length) {
    ensure(length);
    System.arraycopy(bytes, offset, buffer, position, length);
    position += length;
  }

  /**
   * Writes {@code text} in UTF-8, {@code utf8Length} bytes (from {@link ScrapeSymbols#utf8Length});
   * without allocating, unlike protobuf's {@code writeString} (which calls {@code String.getBytes}
   * on this JDK): an ASCII string is copied as it is stored.
   */
  @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int): exact for ASCII, no copy
  void string(String text, int utf8Length) {
    ensure(utf8Length);
    if (utf8Length == text.length()) {
      text.getBytes(0, utf8Length, buffer, position);
      position += utf8Length;
      return;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        buffer[position++] = (byte) c;
      } else if (c < 0x800) {
        buffer[position++] = (byte) (0xC0 | (c >>> 6));
        buffer[position++] = (byte) (0x80 | (c & 0x3F));
      } else if (!Character.isSurrogate(c)) {
        threeBytes(c);
      } else if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        fourBytes(Character.toCodePoint(c, text.charAt(++i)));
      } else {
        buffer[position++] = '?';
      }
    }
  }

  private void threeBytes(int c) {
    buffer[position++] = (byte) (0xE0 | (c >>> 12));
    buffer[position++] = (byte) (0x80 | ((c >>> 6) & 0x3F));
    buffer[position++] = (byte) (0x80 | (c & 0x3F));
  }

  private void fourBytes(int codePoint) {
    buffer[position++] = (byte) (0xF0 | (codePoint >>> 18));
    buffer[position++] = (byte) (0x80 | ((codePoint >>> 12) & 0x3F));
    buffer[position++] = (byte) (0x80 | ((codePoint >>> 6) & 0x3F));
    buffer[position++] = (byte) (0x80 | (codePoint & 0x3F));
  }

  /** The size of {@code value} as a {@code uint32} varint. */
  static int varint32Size(int value) {
    return varint64Size(value & 0xFFFFFFFFL);
  }

  /** The size of {@code value} as a varint ({@code int64}: negative values take 10 bytes). */
  static int varint64Size(long value) {
    int bits = 64 - Long.numberOfLeadingZeros(value | 1);
    return (bits + 6) / 7;
  }

  private void ensure(int more) {
    if (position + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(position + more, buffer.length * 2));
    }
  }
}
