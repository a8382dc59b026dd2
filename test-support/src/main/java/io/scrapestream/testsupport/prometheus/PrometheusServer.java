package io.scrapestream.testsupport.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import io.scrapestream.testsupport.process.BackendServer;
import io.scrapestream.testsupport.process.HttpApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A real Prometheus (the Debian package, {@code /usr/bin/prometheus}) with its remote write
 * receiver on, as a child process on a free loopback port with a temporary TSDB.
 *
 * <p>As a JUnit 5 extension: {@code @RegisterExtension static final PrometheusServer PROMETHEUS =
 * new PrometheusServer();} starts it before the class's tests and stops it after. Outside JUnit:
 * {@code try (PrometheusServer p = new PrometheusServer()) { p.start(); ... }}.
 */
public final class PrometheusServer extends BackendServer {
  /** Where the Debian package installs the binary. */
  public static final Path DEFAULT_BINARY = Path.of("/usr/bin/prometheus");

  private static final String CONFIG =
      "global:\n  scrape_interval: 1m\n  evaluation_interval: 1m\n";

  public PrometheusServer() {
    this(DEFAULT_BINARY);
  }

  public PrometheusServer(Path binary) {
    super("Prometheus", "prometheus", binary, "/-/ready");
  }

  /**
   * An instant query at {@code time} ({@code /api/v1/query}).
   *
   * @return the response's {@code data} node: {@code {"resultType":...,"result":[...]}}
   * @throws IllegalStateException when Prometheus does not answer {@code "status":"success"}
   */
  public JsonNode query(String promql, Instant time) {
    return api().get("/api/v1/query", Map.of("query", promql, "time", HttpApi.seconds(time)));
  }

  /** An instant query at the current time of Prometheus's clock. */
  public JsonNode query(String promql) {
    return api().get("/api/v1/query", Map.of("query", promql));
  }

  /**
   * A range query ({@code /api/v1/query_range}).
   *
   * @return the response's {@code data} node: {@code {"resultType":"matrix","result":[...]}}
   */
  public JsonNode queryRange(String promql, Instant start, Instant end, Duration step) {
    return api()
        .get(
            "/api/v1/query_range",
            Map.of(
                "query", promql,
                "start", HttpApi.seconds(start),
                "end", HttpApi.seconds(end),
                "step", HttpApi.seconds(step)));
  }

  @Override
  protected List<String> commandLine(Path binary, Path directory, int port) throws IOException {
    Path config = Files.writeString(directory.resolve("prometheus.yml"), CONFIG);
    return List.of(
        binary.toString(),
        "--web.enable-remote-write-receiver",
        "--config.file=" + config,
        "--storage.tsdb.path=" + directory.resolve("data"),
        "--web.listen-address=127.0.0.1:" + port);
  }
}
