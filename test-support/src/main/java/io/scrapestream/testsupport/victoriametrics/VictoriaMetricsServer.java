package io.scrapestream.testsupport.victoriametrics;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real single-node VictoriaMetrics (the Debian package, {@code /usr/bin/victoria-metrics}) as a
 * child process on a free loopback port with a temporary data directory. Its query cache is off, so
 * that a query after a write sees it once {@link #flush()} made the write searchable.
 *
 * <p>As a JUnit 5 extension: {@code @RegisterExtension static final VictoriaMetricsServer VM = new
 * VictoriaMetricsServer();}. Outside JUnit: {@code try (VictoriaMetricsServer vm = new
 * VictoriaMetricsServer()) { vm.start(); ... }}.
 */
public final class VictoriaMetricsServer
    implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
  /** Where the Debian package installs the binary. */
  public static final Path DEFAULT_BINARY = Path.of("/usr/bin/victoria-metrics");

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

  private final Path binary;
  private ChildProcess process;
  private HttpApi api;

  public VictoriaMetricsServer() {
    this(DEFAULT_BINARY);
  }

  public VictoriaMetricsServer(Path binary) {
    this.binary = binary;
  }

  /**
   * Starts VictoriaMetrics and waits until {@code /health} answers 200; does nothing when started.
   *
   * @throws IllegalStateException when the binary is missing, or the server exits or is not ready
   *     within 60 seconds (the message quotes the end of its log)
   */
  public synchronized void start() {
    if (process != null) {
      return;
    }
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException(
          "VictoriaMetrics binary not found or not executable at "
              + binary
              + ": install the Debian package victoria-metrics: ./test.sh does it");
    }
    try {
      process = ChildProcess.launch("victoria-metrics", this::commandLine);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + binary, e);
    }
    api = new HttpApi(process.baseUrl());
    process.awaitReady(() -> api.answers200("/health"), STARTUP_TIMEOUT);
  }

  /** {@code http://127.0.0.1:<port>}. */
  public URI baseUrl() {
    return started().baseUrl();
  }

  /** The Prometheus remote write receiver: {@code http://127.0.0.1:<port>/api/v1/write}. */
  public URI remoteWriteUrl() {
    return baseUrl().resolve("/api/v1/write");
  }

  /** Makes what was written so far searchable ({@code /internal/force_flush}). */
  public void flush() {
    started();
    api.getText("/internal/force_flush", Map.of());
  }

  /** An instant query at {@code time} ({@code /api/v1/query}); the answer's {@code data} node. */
  public JsonNode query(String promql, Instant time) {
    started();
    return api.get("/api/v1/query", Map.of("query", promql, "time", HttpApi.seconds(time)));
  }

  /**
   * The raw samples of the series that {@code match[]} selects ({@code /api/v1/export}), one JSON
   * object per series: {@code {"metric":{...},"values":[...],"timestamps":[...]}}.
   */
  public List<JsonNode> export(String match) {
    started();
    String lines = api.getText("/api/v1/export", Map.of("match[]", match));
    List<JsonNode> series = new ArrayList<>();
    for (String line : lines.split("\n")) {
      if (!line.isBlank()) {
        series.add(HttpApi.parse("/api/v1/export", line));
      }
    }
    return series;
  }

  /** The last lines of the server's log, for failure messages. */
  public List<String> logTail(int lines) {
    return started().logTail(lines);
  }

  /** Stops the server (SIGTERM, then SIGKILL after 10 seconds) and deletes its files. */
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

  private List<String> commandLine(Path directory, int port) {
    return List.of(
        binary.toString(),
        "-storageDataPath=" + directory.resolve("data"),
        "-httpListenAddr=127.0.0.1:" + port,
        "-retentionPeriod=1y",
        "-search.disableCache",
        "-search.latencyOffset=0s");
  }

  private synchronized ChildProcess started() {
    if (process == null) {
      throw new IllegalStateException("VictoriaMetrics is not running: call start() first");
    }
    return process;
  }
}
