package io.scrapestream.ingest.scrape.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A response body framed by {@code Content-Length}, chunked transfer coding (extensions ignored,
 * trailers read and dropped) or the connection's end. Closing it hands the connection back for
 * reuse only when the body was read to its end and the connection may be kept; any other close (an
 * error, a limit, the deadline) closes the connection.
 */
final class ResponseBody extends InputStream {
  /** How the end of the body is found. */
  enum Framing {
    EMPTY,
    LENGTH,
    CHUNKED,
    UNTIL_CLOSE
  }

  /**
   * How a body is framed and whether its connection may carry another exchange afterwards.
   *
   * @param length the {@code Content-Length} when {@code kind} is {@code LENGTH}, else -1
   */
  record Frame(Framing kind, long length, boolean keepAlive) {
    Frame {
      if ((kind == Framing.LENGTH) != (length >= 0)) {
        throw new IllegalArgumentException(
            "length must be set for LENGTH framing only. Found: " + kind + ", " + length);
      }
    }

    /** The frame a response's head gives its body. */
    static Frame of(ResponseHead head) throws HttpProtocolException {
      Framing kind = framing(head);
      long length = kind == Framing.LENGTH ? contentLength(head) : -1;
      boolean keepAlive =
          head.minorVersion() >= 1
              ? !head.connectionHas("close")
              : head.connectionHas("keep-alive");
      return new Frame(kind, length, keepAlive && kind != Framing.UNTIL_CLOSE);
    }
  }

  /** Told once, when the body is closed, whether its connection can carry another exchange. */
  interface Release {
    void released(boolean reusable);
  }

  private static final long MAX_CHUNK_SIZE = 1L << 40;

  private final DeadlineInput in;
  private final Framing framing;
  private final boolean keepAlive;
  private final Release release;
  private final long length;
  private long remaining;
  private boolean done;
  private boolean closed;

  ResponseBody(DeadlineInput in, Frame frame, Release release) {
    this.in = in;
    this.framing = frame.kind();
    this.length = frame.length();
    this.remaining = Math.max(0, frame.length());
    this.keepAlive = frame.keepAlive();
    this.release = release;
    this.done = framing == Framing.EMPTY || length == 0;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] target, int offset, int count) throws IOException {
    if (closed) {
      throw new IOException("response body already closed");
    }
    if (done) {
      return -1;
    }
    if (count == 0) {
      return 0;
    }
    return switch (framing) {
      case LENGTH -> readLength(target, offset, count);
      case CHUNKED -> readChunked(target, offset, count);
      default -> readUntilClose(target, offset, count);
    };
  }

  private int readLength(byte[] target, int offset, int count) throws IOException {
    int n = in.read(target, offset, (int) Math.min(count, remaining));
    if (n < 0) {
      throw new EOFException(
          "unexpected EOF: body ended after "
              + (length - remaining)
              + " of "
              + length
              + " bytes (Content-Length)");
    }
    remaining -= n;
    done = remaining == 0;
    return n;
  }

  private int readChunked(byte[] target, int offset, int count) throws IOException {
    if (remaining == 0) {
      remaining = chunkSize();
      if (remaining == 0) {
        ResponseHead.fields(in, new ArrayList<>(), new ArrayList<>());
        done = true;
        return -1;
      }
    }
    int n = in.read(target, offset, (int) Math.min(count, remaining));
    if (n < 0) {
      throw new EOFException("unexpected EOF in the middle of a chunk");
    }
    remaining -= n;
    if (remaining == 0) {
      String end = in.readLine("a chunk's end");
      if (end == null || !end.isEmpty()) {
        throw new HttpProtocolException(
            "malformed chunked encoding: expected CRLF after chunk data. Found: "
                + (end == null ? "EOF" : HttpProtocolException.quote(end)));
      }
    }
    return n;
  }

  /** The next chunk's size line: hex digits, then optional {@code ;extensions}. */
  private long chunkSize() throws IOException {
    String line = in.readLine("a chunk size line");
    if (line == null) {
      throw new EOFException("unexpected EOF before the last chunk");
    }
    int end = line.indexOf(';');
    String hex = (end < 0 ? line : line.substring(0, end)).trim();
    long size = 0;
    for (int i = 0; i < hex.length() && size <= MAX_CHUNK_SIZE; i++) {
      int digit = Character.digit(hex.charAt(i), 16);
      if (digit < 0) {
        size = -1;
        break;
      }
      size = size * 16 + digit;
    }
    if (hex.isEmpty() || size < 0 || size > MAX_CHUNK_SIZE) {
      throw new HttpProtocolException(
          "malformed chunked encoding: invalid chunk size line "
              + HttpProtocolException.quote(line));
    }
    return size;
  }

  private int readUntilClose(byte[] target, int offset, int count) throws IOException {
    int n = in.read(target, offset, count);
    done = n < 0;
    return n;
  }

  /** Whether the body was read to its end. */
  boolean complete() {
    return done;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      release.released(done && keepAlive);
    }
  }

  /** The framing a response's head gives its body. */
  private static Framing framing(ResponseHead head) throws HttpProtocolException {
    int status = head.status();
    if (status < 200 || status == 204 || status == 304) {
      return Framing.EMPTY;
    }
    List<String> codings = head.all("transfer-encoding");
    if (!codings.isEmpty()) {
      if (codings.size() == 1 && codings.get(0).equalsIgnoreCase("chunked")) {
        return Framing.CHUNKED;
      }
      throw new HttpProtocolException(
          "unsupported Transfer-Encoding "
              + HttpProtocolException.quote(String.join(", ", codings)));
    }
    return contentLength(head) < 0 ? Framing.UNTIL_CLOSE : Framing.LENGTH;
  }

  /** The {@code Content-Length}, or -1 when absent; repeated values must agree. */
  private static long contentLength(ResponseHead head) throws HttpProtocolException {
    long length = -1;
    for (String value : head.all("content-length")) {
      for (String part : value.split(",", -1)) {
        String digits = part.trim();
        long parsed = isLength(digits) ? Long.parseLong(digits) : -1;
        if (parsed < 0 || (length >= 0 && parsed != length)) {
          throw new HttpProtocolException(
              "malformed Content-Length " + HttpProtocolException.quote(value));
        }
        length = parsed;
      }
    }
    return length;
  }

  /** One to 18 ASCII digits (no regex: it was compiled for every response). */
  private static boolean isLength(String digits) {
    if (digits.isEmpty() || digits.length() > 18) {
      return false;
    }
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
