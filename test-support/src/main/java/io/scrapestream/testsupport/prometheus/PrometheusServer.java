package io.scrapestream.testsupport.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import io.scrapestream.testsupport.process.ChildProcess;
import io.scrapestream.testsupport.process.HttpApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Prometheus (the Debian package, {@code /usr/bin/prometheus}) with its remote write
 * receiver on, as a child process on a free loopback port with a temporary TSDB.
 *
 * <p>As a JUnit 5 extension: {@code @RegisterExtension static final PrometheusServer PROMETHEUS =
 * new PrometheusServer();} starts it before the class's tests and stops it after. Outside JUnit:
 * {@code try (PrometheusServer p = new PrometheusServer()) { p.start(); ... }}.
 */
public final class PrometheusServer implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
  /** Where the Debian package installs the binary. */
  public static final Path DEFAULT_BINARY = Path.of("/usr/bin/prometheus");

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
  private static final String CONFIG =
      "global:\n  scrape_interval: 1m\n  evaluation_interval: 1m\n";

  private final Path binary;
  private ChildProcess process;
  private HttpApi api;

  public PrometheusServer() {
    this(DEFAULT_BINARY);
  }

  public PrometheusServer(Path binary) {
    this.binary = binary;
  }

  /**
   * Starts Prometheus and waits until {@code /-/ready} answers 200; does nothing when started.
   *
   * @throws IllegalStateException when the binary is missing, or Prometheus exits or is not ready
   *     within 60 seconds (the message quotes the end of its log)
   */
  public synchronized void start() {
    if (process != null) {
      return;
    }
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException(
          "Prometheus binary not found or not executable at "
              + binary
              + ": install the Debian package prometheus: ./test.sh does it");
    }
    try {
      process = ChildProcess.launch("prometheus", this::commandLine);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + binary, e);
    }
    api = new HttpApi(process.baseUrl());
    process.awaitReady(() -> api.answers200("/-/ready"), STARTUP_TIMEOUT);
  }

  /** {@code http://127.0.0.1:<port>}. */
  public URI baseUrl() {
    return started().baseUrl();
  }

  /** The remote write 1.0 receiver: {@code http://127.0.0.1:<port>/api/v1/write}. */
  public URI remoteWriteUrl() {
    return baseUrl().resolve("/api/v1/write");
  }

  /**
   * An instant query at {@code time} ({@code /api/v1/query}).
   *
   * @return the response's {@code data} node: {@code {"resultType":...,"result":[...]}}
   * @throws IllegalStateException when Prometheus does not answer {@code "status":"success"}
   */
  public JsonNode query(String promql, Instant time) {
    started();
    return api.get("/api/v1/query", Map.of("query", promql, "time", HttpApi.seconds(time)));
  }

  /** An instant query at the current time of Prometheus's clock. */
  public JsonNode query(String promql) {
    started();
    return api.get("/api/v1/query", Map.of("query", promql));
  }

  /**
   * A range query ({@code /api/v1/query_range}).
   *
   * @return the response's {@code data} node: {@code {"resultType":"matrix","result":[...]}}
   */
  public JsonNode queryRange(String promql, Instant start, Instant end, Duration step) {
    started();
    return api.get(
        "/api/v1/query_range",
        Map.of(
            "query", promql,
            "start", HttpApi.seconds(start),
            "end", HttpApi.seconds(end),
            "step", HttpApi.seconds(step)));
  }

  /** The last lines of the Prometheus log, for failure messages. */
  public List<String> logTail(int lines) {
    return started().logTail(lines);
  }

  /** Stops Prometheus (SIGTERM, then SIGKILL after 10 seconds) and deletes its files. */
  @Override
  public synchronized void close() {
    if (process != null) {
      process.stop();
      process = null;
      api = null;
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  private List<String> commandLine(Path directory, int port) throws IOException {
    Path config = Files.writeString(directory.resolve("prometheus.yml"), CONFIG);
    return List.of(
        binary.toString(),
        "--web.enable-remote-write-receiver",
        "--config.file=" + config,
        "--storage.tsdb.path=" + directory.resolve("data"),
        "--web.listen-address=127.0.0.1:" + port);
  }

  private synchronized ChildProcess started() {
    if (process == null) {
      throw new IllegalStateException("Prometheus is not running: call start() first");
    }
    return process;
  }
}
