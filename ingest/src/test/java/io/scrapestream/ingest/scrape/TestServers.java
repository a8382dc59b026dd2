package io.scrapestream.ingest.scrape;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** JDK HTTP servers on loopback for one test, stopped by {@link #close()}. */
final class TestServers implements AutoCloseable {
  private final List<HttpServer> servers = new ArrayList<>();

  /** A server answering {@code /metrics} with {@code handler}; returns its metrics URL. */
  URI start(HttpHandler handler) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/", handler);
      server.start();
      servers.add(server);
      return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/metrics");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A server answering 200 with {@code body} as {@code contentType}. */
  URI serve(String contentType, String body) {
    return start(exchange -> respond(exchange, contentType, body.getBytes(StandardCharsets.UTF_8)));
  }

  static void respond(HttpExchange exchange, String contentType, byte[] body) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", contentType);
    exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    servers.forEach(server -> server.stop(0));
  }
}
