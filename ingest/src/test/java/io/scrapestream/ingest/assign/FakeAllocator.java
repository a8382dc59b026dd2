package io.scrapestream.ingest.assign;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An allocator speaking the OTel Target Allocator protocol from canned bodies, on a JDK HttpServer:
 * each request URI (path and query) answers what {@link #answer} set, else 404.
 */
final class FakeAllocator implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, Reply> replies = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();

  private record Reply(int status, String body) {}

  FakeAllocator() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  void answer(String uri, int status, String body) {
    replies.put(uri, new Reply(status, body));
  }

  /**
   * {@code /scrape_configs} with these jobs, each {@code {"job_name":...,"scrape_interval":"1h"}}.
   */
  void jobs(String... names) {
    StringBuilder json = new StringBuilder("{");
    for (String name : names) {
      json.append(json.length() > 1 ? "," : "")
          .append("\"")
          .append(name)
          .append("\":{\"job_name\":\"")
          .append(name)
          .append("\",\"scrape_interval\":\"1h\",\"scrape_timeout\":\"10s\"}");
    }
    answer("/scrape_configs", 200, json.append("}").toString());
  }

  /** The targets of {@code job} for collector c-1: one group per address, final labels. */
  void targets(String job, String... addresses) {
    StringBuilder json = new StringBuilder("[");
    for (String address : addresses) {
      json.append(json.length() > 1 ? "," : "")
          .append("{\"targets\":[\"")
          .append(address)
          .append("\"],\"labels\":{\"__address__\":\"")
          .append(address)
          .append("\",\"__scheme__\":\"http\",\"__metrics_path__\":\"/metrics\",\"job\":\"")
          .append(job)
          .append("\",\"instance\":\"")
          .append(address)
          .append("\"}}");
    }
    answer(targetsUri(job), 200, json.append("]\n").toString());
  }

  static String targetsUri(String job) {
    return "/jobs/" + job + "/targets?collector_id=c-1&relabeled=true";
  }

  List<String> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String uri = exchange.getRequestURI().toString();
      requests.add(uri);
      Reply reply = replies.getOrDefault(uri, new Reply(404, "not found: " + uri + "\n"));
      byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(reply.status(), body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
