package io.scrapestream.ingest.parse;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;

/**
 * protobuf-java's {@link CodedInputStream} over a range of the body, with what the decoders of
 * {@code io.prometheus.client} messages share: strings interned straight from the body's bytes (no
 * {@code String} per field), wire-type checks, nested messages as limits, packed and unpacked
 * repeated scalars.
 */
final class ProtoReader {

  private static final byte[] EMPTY = new byte[0];

  private final SymbolTable symbols;

  /** What a closed reader decodes: nothing (one instance per reader, made once). */
  private final CodedInputStream closed = CodedInputStream.newInstance(EMPTY);

  private byte[] body = EMPTY;
  private int base;
  private CodedInputStream in = CodedInputStream.newInstance(body);
  private CodedInputStream whole = in;
  private int wholeBase;

  ProtoReader(SymbolTable symbols) {
    this.symbols = symbols;
  }

  /** Starts decoding a whole body, {@code b[from, from + length)}. */
  void open(byte[] b, int from, int length) {
    body = b;
    base = wholeBase = from;
    in = whole = CodedInputStream.newInstance(b, from, length);
  }

  /** Lets go of the body, so that a parser kept between scrapes does not keep it alive. */
  void close() {
    body = EMPTY;
    in = whole = closed;
  }

  /** Decodes {@code body[from, from + length)} again, until {@link #resume}. */
  void reread(int from, int length) {
    base = from;
    in = CodedInputStream.newInstance(body, from, length);
  }

  /** Goes back to the whole body, where it stood before {@link #reread}. */
  void resume() {
    base = wholeBase;
    in = whole;
  }

  /** Skips to {@code offset} of the body, ahead of {@link #offset()}. */
  void skipTo(int offset) throws IOException {
    in.skipRawBytes(offset - offset());
  }

  /** Limits decoding to the next {@code length} bytes; returns the limit to restore. */
  int limit(int length) throws IOException {
    return in.pushLimit(length);
  }

  /** The offset in the body of the next byte to decode. */
  int offset() {
    return base + in.getTotalBytesRead();
  }

  byte[] body() {
    return body;
  }

  /** The next tag, or 0 at the end of the current message. */
  int tag() throws IOException {
    return in.readTag();
  }

  static int field(int tag) {
    return WireFormat.getTagFieldNumber(tag);
  }

  void skip(int tag) throws IOException {
    in.skipField(tag);
  }

  /** Enters the length-delimited message of field {@code what}; returns the limit to restore. */
  int enter(int tag, String what) throws IOException {
    expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, what);
    return in.pushLimit(in.readRawVarint32());
  }

  void leave(int oldLimit) {
    in.popLimit(oldLimit);
  }

  /**
   * Reads a length-delimited field and returns where its bytes start; they end at {@link
   * #offset()}.
   */
  int bytes(int tag, String what) throws IOException {
    expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, what);
    int length = in.readRawVarint32();
    if (length < 0) {
      throw new ProtoFormatException("negative length " + length + " of " + what);
    }
    int at = offset();
    in.skipRawBytes(length);
    return at;
  }

  /** Reads a string field as an interned symbol. */
  Symbol symbol(int tag, String what) throws IOException {
    int from = bytes(tag, what);
    Symbol s = symbols.intern(body, from, offset());
    if (s == null) {
      throw new ProtoFormatException(
          "invalid UTF-8 in " + what + ": " + printable(body, from, offset()), from);
    }
    return s;
  }

  /** The symbol of the empty string, the value of a string field that is absent. */
  Symbol emptySymbol() {
    return symbols.intern(body, 0, 0);
  }

  /** A {@code double} field as its raw IEEE-754 bits. */
  long doubleBits(int tag, String what) throws IOException {
    expect(tag, WireFormat.WIRETYPE_FIXED64, what);
    return in.readFixed64();
  }

  /** A varint field: {@code int32}, {@code int64}, {@code uint32}, {@code uint64} or an enum. */
  long varint(int tag, String what) throws IOException {
    expect(tag, WireFormat.WIRETYPE_VARINT, what);
    return in.readRawVarint64();
  }

  /** A {@code sint32} or {@code sint64} field. */
  long zigZag(int tag, String what) throws IOException {
    return CodedInputStream.decodeZigZag64(varint(tag, what));
  }

  /** A repeated {@code double}, packed or not, appended as raw bits. */
  void doubles(int tag, LongList out, String what) throws IOException {
    if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
      int old = in.pushLimit(in.readRawVarint32());
      while (!in.isAtEnd()) {
        out.add(in.readFixed64());
      }
      in.popLimit(old);
    } else {
      out.add(doubleBits(tag, what));
    }
  }

  /** A repeated {@code sint64}, packed or not. */
  void zigZags(int tag, LongList out, String what) throws IOException {
    if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
      int old = in.pushLimit(in.readRawVarint32());
      while (!in.isAtEnd()) {
        out.add(in.readSInt64());
      }
      in.popLimit(old);
    } else {
      out.add(zigZag(tag, what));
    }
  }

  private static void expect(int tag, int wireType, String what) throws ProtoFormatException {
    int found = WireFormat.getTagWireType(tag);
    if (found != wireType) {
      throw new ProtoFormatException(
          "wrong wire type for " + what + ": expected " + wireType + ". Found: " + found);
    }
  }

  /** The bytes for an error message: printable ASCII as is, the others as \xNN. */
  static String printable(byte[] b, int from, int to) {
    StringBuilder sb = new StringBuilder(to - from);
    for (int i = from; i < to; i++) {
      int x = b[i] & 0xff;
      sb.append(x >= 0x20 && x < 0x7f ? String.valueOf((char) x) : String.format("\\x%02x", x));
    }
    return sb.toString();
  }
}
