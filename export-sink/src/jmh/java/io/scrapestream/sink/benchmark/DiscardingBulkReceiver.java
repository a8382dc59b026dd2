package io.scrapestream.sink.benchmark;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * An Elasticsearch {@code _bulk} endpoint that reads each request, stores nothing and answers that
 * every document was created: one {@code create} item with status 201 per action line (a request
 * is an action line and a document line per document).
 */
final class DiscardingBulkReceiver implements AutoCloseable {
  private static final byte[] CREATED = "{\"create\":{\"status\":201}}".getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;

  DiscardingBulkReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/_bulk", this::handle);
    server.start();
  }

  /** The base URL; the exporter posts to {@code <url>/_bulk}. */
  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      int documents = 0;
      for (byte b : body) {
        documents += b == '\n' ? 1 : 0;
      }
      documents /= 2;
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write("{\"took\":1,\"errors\":false,\"items\":[".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < documents; i++) {
          if (i > 0) {
            out.write(',');
          }
          out.write(CREATED);
        }
        out.write("]}".getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
