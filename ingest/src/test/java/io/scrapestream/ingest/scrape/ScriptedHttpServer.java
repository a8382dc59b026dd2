package io.scrapestream.ingest.scrape;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A raw HTTP/1.1 server on loopback that answers each request with scripted bytes, keeps
 * connections open between requests unless told to close, and counts the connections it accepted
 * (what keep-alive tests assert on). No sleeps: its threads block on the sockets.
 */
final class ScriptedHttpServer implements AutoCloseable {
  /** What to send for one request, and whether to close the connection after it. */
  record Reply(String text, boolean closeAfter) {
    static Reply keep(String text) {
      return new Reply(text, false);
    }

    static Reply close(String text) {
      return new Reply(text, true);
    }
  }

  private final ServerSocket server;
  private final IntFunction<Reply> replies;
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger requests = new AtomicInteger();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final List<String> requestLines = new CopyOnWriteArrayList<>();

  /** {@code replies} gets the number of the request (0-based, over all connections). */
  ScriptedHttpServer(IntFunction<Reply> replies) throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.replies = replies;
    Thread acceptor = new Thread(this::accept, "scripted-http-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/metrics");
  }

  int accepted() {
    return accepted.get();
  }

  /** The request lines received, in order. */
  List<String> requestLines() {
    return requestLines;
  }

  private void accept() {
    try {
      while (true) {
        Socket socket = server.accept();
        accepted.incrementAndGet();
        sockets.add(socket);
        Thread thread = new Thread(() -> serve(socket), "scripted-http-connection");
        thread.setDaemon(true);
        thread.start();
      }
    } catch (IOException e) {
      // close() closed the server socket: the test is over.
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      while (true) {
        String head = readHead(in);
        if (head == null) {
          return;
        }
        requestLines.add(head.substring(0, head.indexOf("\r\n")));
        Reply reply = replies.apply(requests.getAndIncrement());
        socket.getOutputStream().write(reply.text().getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        if (reply.closeAfter()) {
          return;
        }
      }
    } catch (IOException e) {
      // The client hung up.
    }
  }

  /** A request's head up to its empty line, or null when the client closed the connection. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < end.length) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }
}
