package io.scrapestream.ingest.scrape.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;

/** One open connection (plain, TLS, or TLS through a proxy tunnel) to an origin. */
final class HttpConnection {
  private final Origin origin;
  private final Socket socket;
  private final DeadlineInput in;
  private final OutputStream out;
  private long idleSinceNanos;

  HttpConnection(Origin origin, Socket socket) throws IOException {
    this.origin = origin;
    this.socket = socket;
    this.in = new DeadlineInput(socket);
    this.out = socket.getOutputStream();
  }

  Origin origin() {
    return origin;
  }

  DeadlineInput in() {
    return in;
  }

  /** Sends a request; the exchange's reads are bound by {@code deadlineNanos}. */
  void send(byte[] request, long deadlineNanos) throws IOException {
    in.begin(deadlineNanos);
    out.write(request);
    out.flush();
  }

  void idleSince(long nanos) {
    idleSinceNanos = nanos;
  }

  long idleSinceNanos() {
    return idleSinceNanos;
  }

  void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // The connection is gone either way.
    }
  }
}
