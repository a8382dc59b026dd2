package io.scrapestream.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.scrapestream.cli.standalone.StandaloneApp;
import io.scrapestream.core.config.ConfigLoader;
import io.scrapestream.core.config.ScrapestreamConfig;
import io.scrapestream.core.kafka.KafkaClientProperties;
import io.scrapestream.core.kafka.Topics;
import io.scrapestream.ingest.publish.KafkaBatchPublisher;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import io.scrapestream.schemas.v1.Target;
import io.scrapestream.testsupport.prometheus.PrometheusServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The walking skeleton end to end: standalone (embedded broker, scraper, enrich, sinks) scrapes a
 * target served here and remote-writes into a real Prometheus 2.42, which is queried back.
 */
@Timeout(180)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandalonePipelineIT {
  private static final String EXPOSITION =
      """
      # HELP it_requests_total Requests served.
      # TYPE it_requests_total counter
      it_requests_total{path="/a",code="200"} 42
      it_requests_total{path="/b",code="500"} 3
      # TYPE it_temperature_celsius gauge
      it_temperature_celsius 21.5
      """;

  @RegisterExtension final PrometheusServer prometheus = new PrometheusServer();
  private Path dir;

  private HttpServer target;
  private StandaloneApp app;
  private int downPort;

  @BeforeAll
  void startPipeline() throws Exception {
    prometheus.start();
    dir = Files.createTempDirectory("standalone-it-");
    target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    target.createContext(
        "/metrics",
        exchange -> {
          byte[] body = EXPOSITION.getBytes(StandardCharsets.UTF_8);
          exchange
              .getResponseHeaders()
              .add("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    target.start();
    downPort = freePort();
    app = StandaloneApp.start(config(), dir.resolve("data"), "it");
  }

  @AfterAll
  void stopPipeline() throws Exception {
    if (app != null) {
      app.close();
    }
    if (target != null) {
      target.stop(0);
    }
  }

  @Test
  void shouldDeliverScrapedValuesWithTargetLabelsToPrometheus() {
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              JsonNode result = prometheus.query("it_requests_total").path("result");
              assertThat(result).hasSize(2);
            });
    String instance = "127.0.0.1:" + target.getAddress().getPort();
    JsonNode requests = prometheus.query("it_requests_total{path=\"/a\"}").path("result");
    assertThat(labels(requests.get(0)))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "__name__", "it_requests_total",
                "path", "/a",
                "code", "200",
                "job", "it",
                "instance", instance,
                "team", "core"));
    assertThat(requests.get(0).path("value").get(1).asText()).isEqualTo("42");
    JsonNode temperature = prometheus.query("it_temperature_celsius{job=\"it\"}").path("result");
    assertThat(temperature.get(0).path("value").get(1).asText()).isEqualTo("21.5");
  }

  @Test
  void shouldReportUpZeroWhenTargetIsDownAndKeepGoing() {
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              JsonNode up = prometheus.query("up").path("result");
              assertThat(up).hasSize(2);
            });
    JsonNode down = prometheus.query("up{job=\"down\"}").path("result");
    assertThat(down.get(0).path("value").get(1).asText()).isEqualTo("0");
    JsonNode up = prometheus.query("up{job=\"it\"}").path("result");
    assertThat(up.get(0).path("value").get(1).asText()).isEqualTo("1");
  }

  @Test
  void shouldWriteOneScrapeSeriesAddedPerScrapeWhenEnrichmentComputesIt() throws Exception {
    Path file = dir.resolve("samples.jsonl");
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> linesWith(file, "\"scrape_series_added\"").size() >= 3);

    Map<String, Long> perScrape =
        linesWith(file, "\"scrape_series_added\"").stream()
            .collect(
                Collectors.groupingBy(
                    line ->
                        line.path("labels").path("instance").asText()
                            + "@"
                            + line.path("timestamp_ms").asLong(),
                    Collectors.counting()));
    assertThat(perScrape.values()).isNotEmpty().containsOnly(1L);
  }

  @Test
  void shouldKeepStaleMarkerBitsFromScraperThroughEnrichToSinks() throws Exception {
    String key = "00000000000000ab";
    long now = System.currentTimeMillis();
    try (KafkaBatchPublisher publisher =
        new KafkaBatchPublisher(
            KafkaClientProperties.producer(app.config().kafka(), "it-stale"),
            Topics.samplesRaw(app.config().kafka()))) {
      publisher.publish(batch(key, now - 2000, Double.doubleToRawLongBits(5.0)));
      publisher.publish(batch(key, now - 1000, 0x7ff0000000000002L));
    }
    Path file = dir.resolve("samples.jsonl");
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () ->
                assertThat(staleProbeLines(file))
                    .extracting(line -> line.path("value_bits").asText())
                    .containsExactly("4014000000000000", "7ff0000000000002"));
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () ->
                assertThat(prometheus.query("count_over_time(it_stale_probe[5m])").path("result"))
                    .hasSize(1));
    assertThat(prometheus.query("it_stale_probe").path("result")).isEmpty();
  }

  private ScrapestreamConfig config() throws Exception {
    String yaml =
        """
        global: {scrape_interval: 1s, scrape_timeout: 1s}
        scrape_configs:
          - job_name: it
            static_configs:
              - targets: ["127.0.0.1:%d"]
                labels: {team: core}
          - job_name: down
            static_configs:
              - targets: ["127.0.0.1:%d"]
        telemetry: {listen_address: "127.0.0.1:0"}
        enrich: {application_id: it-enrich}
        backends:
          - name: prometheus
            remote_write: {url: "%s"}
            batch: {max_samples: 1000, max_delay: 200ms}
          - name: file
            file: {path: "%s"}
            batch: {max_samples: 1000, max_delay: 200ms}
        """
            .formatted(
                target.getAddress().getPort(),
                downPort,
                prometheus.remoteWriteUrl(),
                dir.resolve("samples.jsonl"));
    return ConfigLoader.load(yaml, "it.yaml", Map.of());
  }

  private static ScrapeBatch batch(String key, long timestampMs, long valueBits) {
    return ScrapeBatch.newBuilder()
        .setTarget(Target.newBuilder().setKey(key).setJob("stale").setScrapeUrl("http://probe"))
        .setTimestampMs(timestampMs)
        .addAllSymbols(List.of("", "__name__", "it_stale_probe", "job", "stale"))
        .addSeries(Series.newBuilder().addAllLabelRefs(List.of(1, 2, 3, 4)).setValueBits(valueBits))
        .build();
  }

  private static List<JsonNode> staleProbeLines(Path file) throws IOException {
    return linesWith(file, "it_stale_probe");
  }

  private static List<JsonNode> linesWith(Path file, String text) throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    ObjectMapper mapper = new ObjectMapper();
    return Files.readAllLines(file).stream()
        .filter(line -> line.contains(text))
        .map(
            line -> {
              try {
                return mapper.readTree(line);
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  private static Map<String, String> labels(JsonNode result) {
    Map<String, String> labels = new java.util.TreeMap<>();
    result
        .path("metric")
        .fields()
        .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    return labels;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
