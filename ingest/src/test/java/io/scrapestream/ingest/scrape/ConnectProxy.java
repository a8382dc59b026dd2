package io.scrapestream.ingest.scrape;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP proxy for {@code CONNECT} to loopback targets only: it records each request head, then
 * either tunnels bytes both ways to the named port on loopback or refuses with {@code 407}. No
 * sleeps: its threads block on the sockets.
 */
final class ConnectProxy implements AutoCloseable {
  private final ServerSocket server;
  private final boolean refuse;
  private final List<String> heads = new CopyOnWriteArrayList<>();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  ConnectProxy(boolean refuse) throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.refuse = refuse;
    daemon(this::accept);
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /** The request line of each CONNECT. */
  List<String> requestLines() {
    return heads.stream().map(head -> head.substring(0, head.indexOf("\r\n"))).toList();
  }

  /** Each CONNECT's request line and header fields, CRLF-separated, without the blank line. */
  List<String> heads() {
    return heads;
  }

  private void accept() {
    try {
      while (true) {
        Socket client = server.accept();
        sockets.add(client);
        daemon(() -> tunnel(client));
      }
    } catch (IOException e) {
      // close() closed the server socket: the test is over.
    }
  }

  private void tunnel(Socket client) {
    try (client) {
      String head = head(client.getInputStream());
      heads.add(head);
      String line = head.substring(0, head.indexOf("\r\n"));
      OutputStream toClient = client.getOutputStream();
      if (refuse) {
        toClient.write(
            "HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        return;
      }
      String authority = line.split(" ")[1];
      int port = Integer.parseInt(authority.substring(authority.lastIndexOf(':') + 1));
      try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), port)) {
        sockets.add(upstream);
        toClient.write(
            "HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        daemon(() -> copy(client, upstream));
        copy(upstream, client);
      }
    } catch (IOException e) {
      // Either side hung up.
    }
  }

  private static void copy(Socket from, Socket to) {
    try {
      from.getInputStream().transferTo(to.getOutputStream());
      to.shutdownOutput();
    } catch (IOException e) {
      // Either side hung up.
    }
  }

  /** The request head up to, not including, the blank line that ends it. */
  private static String head(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("client closed the connection in the request head");
      }
      head.append((char) b);
    }
    return head.substring(0, head.length() - 4);
  }

  private static void daemon(Runnable task) {
    Thread thread = new Thread(task, "connect-proxy");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }
}
