package io.scrapestream.testsupport.victoriametrics;

import com.fasterxml.jackson.databind.JsonNode;
import io.scrapestream.testsupport.process.BackendServer;
import io.scrapestream.testsupport.process.HttpApi;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real single-node VictoriaMetrics (the Debian package, {@code /usr/bin/victoria-metrics}) as a
 * child process on a free loopback port with a temporary data directory. Its query cache is off, so
 * that a query after a write sees it once {@link #flush()} made the write searchable.
 *
 * <p>As a JUnit 5 extension: {@code @RegisterExtension static final VictoriaMetricsServer VM = new
 * VictoriaMetricsServer();}. Outside JUnit: {@code try (VictoriaMetricsServer vm = new
 * VictoriaMetricsServer()) { vm.start(); ... }}.
 */
public final class VictoriaMetricsServer extends BackendServer {
  /** Where the Debian package installs the binary. */
  public static final Path DEFAULT_BINARY = Path.of("/usr/bin/victoria-metrics");

  public VictoriaMetricsServer() {
    this(DEFAULT_BINARY);
  }

  public VictoriaMetricsServer(Path binary) {
    super("VictoriaMetrics", "victoria-metrics", binary, "/health");
  }

  /** Makes what was written so far searchable ({@code /internal/force_flush}). */
  public void flush() {
    api().getText("/internal/force_flush", Map.of());
  }

  /** An instant query at {@code time} ({@code /api/v1/query}); the answer's {@code data} node. */
  public JsonNode query(String promql, Instant time) {
    return api().get("/api/v1/query", Map.of("query", promql, "time", HttpApi.seconds(time)));
  }

  /**
   * The raw samples of the series that {@code match[]} selects ({@code /api/v1/export}), one JSON
   * object per series: {@code {"metric":{...},"values":[...],"timestamps":[...]}}.
   */
  public List<JsonNode> export(String match) {
    String lines = api().getText("/api/v1/export", Map.of("match[]", match));
    List<JsonNode> series = new ArrayList<>();
    for (String line : lines.split("\n")) {
      if (!line.isBlank()) {
        series.add(HttpApi.parse("/api/v1/export", line));
      }
    }
    return series;
  }

  @Override
  protected List<String> commandLine(Path binary, Path directory, int port) {
    return List.of(
        binary.toString(),
        "-storageDataPath=" + directory.resolve("data"),
        "-httpListenAddr=127.0.0.1:" + port,
        "-retentionPeriod=1y",
        "-search.disableCache",
        "-search.latencyOffset=0s");
  }
}
