package io.scrapestream.allocator.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsExchange;
import io.scrapestream.core.config.Secret;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Routes the OTel Target Allocator API: {@code /scrape_configs}, {@code /jobs}, {@code
 * /jobs/{job}/targets[?collector_id=X[&relabeled=true]]}, {@code /livez}, {@code /readyz}, {@code
 * /metrics}. Secret values are served only over HTTPS to a client with a verified certificate or
 * one of the API bearer tokens; plain HTTP always gets {@code <secret>}.
 */
final class ApiHandler implements HttpHandler {
  private static final String JSON = "application/json";

  private final Supplier<ApiSnapshot> snapshot;
  private final HttpHandler metrics;
  private final List<Secret> tokens;

  ApiHandler(Supplier<ApiSnapshot> snapshot, HttpHandler metrics, List<Secret> tokens) {
    this.snapshot = snapshot;
    this.metrics = metrics;
    this.tokens = List.copyOf(tokens);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      String path = exchange.getRequestURI().getRawPath();
      if (!"GET".equals(exchange.getRequestMethod())
          && !"HEAD".equals(exchange.getRequestMethod())) {
        send(
            exchange,
            405,
            "text/plain",
            bytes("method not allowed: " + exchange.getRequestMethod() + "\n"));
      } else if (path.equals("/metrics")) {
        metrics.handle(exchange);
      } else {
        route(exchange, path, snapshot.get());
      }
    } finally {
      exchange.close();
    }
  }

  private void route(HttpExchange exchange, String path, ApiSnapshot current) throws IOException {
    switch (path) {
      case "/livez" -> send(exchange, 200, "text/plain", bytes("OK\n"));
      case "/readyz" ->
          send(
              exchange,
              current.ready() ? 200 : 503,
              "text/plain",
              bytes(current.ready() ? "OK\n" : "not ready\n"));
      case "/jobs" -> send(exchange, 200, JSON, current.jobs());
      case "/scrape_configs" ->
          send(
              exchange,
              200,
              JSON,
              authenticated(exchange)
                  ? current.scrapeConfigsWithSecrets()
                  : current.scrapeConfigs());
      default -> targets(exchange, path, current);
    }
  }

  private void targets(HttpExchange exchange, String path, ApiSnapshot current) throws IOException {
    String job =
        path.startsWith("/jobs/") && path.endsWith("/targets") && path.length() > 14
            ? QueryEscape.unescape(path.substring(6, path.length() - 8))
            : null;
    if (job == null || job.isEmpty()) {
      send(exchange, 404, "text/plain", bytes("not found: " + path + "\n"));
      return;
    }
    Query query = Query.parse(exchange.getRequestURI().getRawQuery());
    String collector = query.first("collector_id");
    if (collector != null) {
      boolean relabeled = "true".equals(query.first("relabeled"));
      send(exchange, 200, JSON, current.targetsOf(job, collector, relabeled));
    } else {
      send(exchange, 200, JSON, byCollector(job, current));
    }
  }

  /** {@code {"<collector>":{"_link":"...","targets":[...]}}}, for debugging as in the OTel TA. */
  private static byte[] byCollector(String job, ApiSnapshot current) {
    StringBuilder json = new StringBuilder("{");
    for (String collector : current.collectorList()) {
      byte[] targets = current.targetsOf(job, collector, false);
      if (json.length() > 1) {
        json.append(',');
      }
      String link = "/jobs/" + QueryEscape.escape(job) + "/targets?collector_id=" + collector;
      json.append(quote(collector))
          .append(":{\"_link\":")
          .append(quote(link))
          .append(",\"targets\":")
          .append(new String(targets, 0, targets.length - 1, StandardCharsets.UTF_8))
          .append('}');
    }
    return bytes(json.append("}\n").toString());
  }

  private boolean authenticated(HttpExchange exchange) {
    if (!(exchange instanceof HttpsExchange https)) {
      return false;
    }
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String token = authorization.substring(7).strip();
      if (tokens.stream().anyMatch(secret -> secret.matches(token))) {
        return true;
      }
    }
    try {
      return https.getSSLSession().getPeerCertificates().length > 0;
    } catch (SSLPeerUnverifiedException e) {
      return false;
    }
  }

  private static String quote(String text) {
    return new String(
        ApiSnapshotRenderer.write(json -> json.writeString(text)), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    boolean head = "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
