package io.scrapestream.ingest.scrape;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A raw TCP target for what an HTTP server library would not do: read the request, then send
 * headers and the start of a 1000-byte body and nothing more (a slow loris), or send nothing at
 * all, or answer plain HTTP before reading anything (to a client that expects TLS). Then it waits
 * until the client hangs up. No sleeps: its thread blocks reading the client's silence.
 */
final class RawTarget implements AutoCloseable {
  private enum Mode {
    HEADERS_THEN_STALL,
    SILENT,
    PLAIN_HTTP_AT_ONCE
  }

  private static final String HEADERS =
      "HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4\r\nContent-Length: 1000\r\n\r\n"
          + "metric 1\n";
  private static final String BAD_REQUEST =
      "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

  private final ServerSocket server;
  private final Thread thread;

  private RawTarget(Mode mode) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    thread = new Thread(() -> serve(mode), "raw-target");
    thread.setDaemon(true);
    thread.start();
  }

  /** Sends headers and 9 body bytes of 1000, then stalls. */
  static RawTarget stallingAfterHeaders() throws IOException {
    return new RawTarget(Mode.HEADERS_THEN_STALL);
  }

  /** Reads the request and never answers. */
  static RawTarget silent() throws IOException {
    return new RawTarget(Mode.SILENT);
  }

  /** Answers {@code 400 Bad Request} in plain HTTP as soon as a client connects. */
  static RawTarget plainHttp() throws IOException {
    return new RawTarget(Mode.PLAIN_HTTP_AT_ONCE);
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/metrics");
  }

  private void serve(Mode mode) {
    try (Socket socket = server.accept()) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      if (mode == Mode.PLAIN_HTTP_AT_ONCE) {
        out.write(BAD_REQUEST.getBytes(StandardCharsets.US_ASCII));
        out.flush();
      } else {
        readRequest(in);
      }
      if (mode == Mode.HEADERS_THEN_STALL) {
        out.write(HEADERS.getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
      while (in.read() >= 0) {
        // Stalls here until the scraper hangs up.
      }
    } catch (IOException e) {
      // The server socket was closed by close(): the test is over.
    }
  }

  private static void readRequest(InputStream in) throws IOException {
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < end.length) {
      int b = in.read();
      if (b < 0) {
        return;
      }
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
