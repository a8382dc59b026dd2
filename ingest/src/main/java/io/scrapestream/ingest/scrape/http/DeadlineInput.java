package io.scrapestream.ingest.scrape.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The buffered input side of a connection. Every read from the socket first sets the socket's read
 * timeout to what is left of the exchange's deadline, so one deadline covers the status line, the
 * headers and the body, and a stalled peer fails at the deadline. Counts the bytes received since
 * the exchange began (a request on a reused connection is retried only when none arrived).
 */
final class DeadlineInput {
  static final int BUFFER = 16 * 1024;
  private static final int MAX_LINE = 64 * 1024;

  private final Socket socket;
  private final InputStream in;
  private final byte[] buffer = new byte[BUFFER];
  private int position;
  private int limit;
  private long deadlineNanos;
  private long received;

  DeadlineInput(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
  }

  /** Starts an exchange bound by {@code deadlineNanos} ({@link System#nanoTime()} based). */
  void begin(long deadlineNanos) {
    this.deadlineNanos = deadlineNanos;
    this.received = 0;
  }

  long received() {
    return received;
  }

  /** Bytes received and not yet consumed. */
  int buffered() {
    return limit - position;
  }

  int read() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position++] & 0xff;
  }

  int read(byte[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (position == limit) {
      if (length >= BUFFER) {
        return socketRead(target, offset, length);
      }
      if (!fill()) {
        return -1;
      }
    }
    int n = Math.min(length, limit - position);
    System.arraycopy(buffer, position, target, offset, n);
    position += n;
    return n;
  }

  /**
   * One line without its CRLF (or bare LF), as ISO-8859-1; null when the peer closed the connection
   * before the line's first byte.
   */
  String readLine(String what) throws IOException {
    StringBuilder line = null;
    while (true) {
      if (position == limit && !fill()) {
        if (line == null) {
          return null;
        }
        throw new HttpProtocolException("connection closed in the middle of " + what);
      }
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      int end = position;
      boolean complete = position < limit;
      line = append(line, start, end, what);
      if (complete) {
        position++;
        int length = line.length();
        return length > 0 && line.charAt(length - 1) == '\r'
            ? line.substring(0, length - 1)
            : line.toString();
      }
    }
  }

  private StringBuilder append(StringBuilder line, int start, int end, String what)
      throws HttpProtocolException {
    StringBuilder result = line == null ? new StringBuilder(Math.max(16, end - start)) : line;
    if (result.length() + end - start > MAX_LINE) {
      throw new HttpProtocolException(what + " longer than " + MAX_LINE + " bytes");
    }
    result.append(new String(buffer, start, end - start, StandardCharsets.ISO_8859_1));
    return result;
  }

  private boolean fill() throws IOException {
    int n = socketRead(buffer, 0, buffer.length);
    if (n < 0) {
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }

  private int socketRead(byte[] target, int offset, int length) throws IOException {
    long remaining = deadlineNanos - System.nanoTime();
    if (remaining <= 0) {
      throw new DeadlineExceededException("reading the response");
    }
    socket.setSoTimeout(
        (int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(remaining) + 1));
    try {
      int n = in.read(target, offset, length);
      if (n > 0) {
        received += n;
      }
      return n;
    } catch (SocketTimeoutException e) {
      throw new DeadlineExceededException("reading the response");
    }
  }
}
