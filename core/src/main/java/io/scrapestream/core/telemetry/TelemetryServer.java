package io.scrapestream.core.telemetry;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * The HTTP endpoint every role exposes: {@code /metrics} (Prometheus text, OpenMetrics or protobuf
 * by content negotiation), {@code /healthz} (the process runs) and {@code /readyz} (the role
 * serves).
 */
public final class TelemetryServer implements AutoCloseable {
  private final HttpServer server;

  private TelemetryServer(HttpServer server) {
    this.server = server;
  }

  /**
   * Starts the endpoint; port 0 picks a free port. JVM metrics are registered once per registry.
   */
  public static TelemetryServer start(
      String host, int port, PrometheusRegistry registry, BooleanSupplier ready) {
    JvmMetrics.builder().register(registry);
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
      server.createContext("/metrics", new MetricsHandler(registry));
      server.createContext("/readyz", probe(ready));
      server.createContext("/healthz", probe(() -> true));
      server.setExecutor(Executors.newFixedThreadPool(2, TelemetryServer::daemon));
      server.start();
      return new TelemetryServer(server);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static Thread daemon(Runnable runnable) {
    Thread thread = new Thread(runnable, "telemetry-http");
    thread.setDaemon(true);
    return thread;
  }

  private static HttpHandler probe(BooleanSupplier check) {
    return exchange -> {
      boolean ok = check.getAsBoolean();
      byte[] body = (ok ? "OK\n" : "not ready\n").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(ok ? 200 : 503, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    };
  }
}
