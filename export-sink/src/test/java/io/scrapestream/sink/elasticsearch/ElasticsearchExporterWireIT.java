package io.scrapestream.sink.elasticsearch;

import static io.scrapestream.sink.ScrapeBatchBuilder.batch;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.scrapestream.core.config.ElasticsearchConfig;
import io.scrapestream.core.config.Secret;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.sink.ExportOutcome;
import io.scrapestream.sink.SinkListener;
import io.scrapestream.sink.retry.RetryPolicy;
import io.scrapestream.sink.retry.RetryTiming;
import io.scrapestream.sink.retry.RetryingExporter;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the bulk exporter sends and resends, against a loopback HTTP server playing the cluster. */
@Timeout(60)
class ElasticsearchExporterWireIT {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final List<ScrapeBatch> BATCHES =
      List.of(
          batch("t1", 1000).sample(1, "__name__", "a").sample(2, "__name__", "b").build(),
          batch("t2", 1000).sample(3, "__name__", "c").build());

  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final ConcurrentLinkedQueue<String> replies = new ConcurrentLinkedQueue<>();
  private final List<Duration> sleeps = new ArrayList<>();
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private HttpServer server;

  record Received(String path, Headers headers, String body) {}

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
    executor.shutdownNow();
  }

  @Test
  void shouldSendOnlyRefusedDocumentsAgainWhenSomeItemsAre429() throws Exception {
    replies.add(items(201, 429, 201));
    replies.add(items(201));
    List<BulkDocuments.Document> documents = BulkDocuments.encode(BATCHES, "m", true).documents();

    ExportOutcome outcome = retrying(exporter(Map.of(), Optional.empty())).export(BATCHES);

    assertThat(outcome).isEqualTo(new ExportOutcome.Success(3));
    assertThat(received.take().body()).isEqualTo(new String(BulkDocuments.body(documents)));
    assertThat(received.take().body()).isEqualTo(documents.get(1).ndjson());
    assertThat(received).isEmpty();
    assertThat(sleeps).containsExactly(Duration.ofMillis(100));
  }

  @Test
  void shouldResumeWithRemainingDocumentsWhenSameBatchesComeBackAfterRetriesAreSpent()
      throws Exception {
    replies.add(items(201, 503, 409));
    replies.add(items(201));
    ElasticsearchExporter exporter = exporter(Map.of(), Optional.empty());
    List<BulkDocuments.Document> documents = BulkDocuments.encode(BATCHES, "m", true).documents();

    ExportOutcome first = exporter.export(BATCHES);
    ExportOutcome second = exporter.export(BATCHES);

    assertThat(first)
        .isEqualTo(
            new ExportOutcome.Retryable(
                "1 of 3 documents not written yet; first: document refused with status 503: e",
                Optional.empty(),
                503));
    assertThat(second).isEqualTo(new ExportOutcome.Success(3));
    received.take();
    assertThat(received.take().body()).isEqualTo(documents.get(1).ndjson());
  }

  @Test
  void shouldSendBasicCredentialsToBulkPathWhenConfigured() throws Exception {
    ElasticsearchConfig config =
        new ElasticsearchConfig(
            URI.create(url() + "/prefix/"),
            "m",
            Duration.ofSeconds(5),
            Map.of("X-Opaque-Id", "sink"),
            new ElasticsearchConfig.BasicAuth("writer", new Secret("pa:ss")),
            ElasticsearchConfig.DocumentIds.AUTO);
    replies.add(items(201, 201, 201));

    ExportOutcome outcome =
        new ElasticsearchExporter(BulkEndpoint.from("es", config), SinkListener.NO_OP)
            .export(BATCHES);

    assertThat(outcome).isEqualTo(new ExportOutcome.Success(3));
    Received request = received.take();
    assertThat(request.path()).isEqualTo("/prefix/_bulk");
    assertThat(request.headers().getFirst("Authorization")).isEqualTo("Basic d3JpdGVyOnBhOnNz");
    assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/x-ndjson");
    assertThat(request.headers().getFirst("X-Opaque-Id")).isEqualTo("sink");
    assertThat(request.body()).startsWith("{\"create\":{\"_index\":\"m\"}}\n");
  }

  @Test
  void shouldSendApiKeyWhenConfigured() throws Exception {
    replies.add(items(201, 201, 201));

    exporter(
            Map.of(),
            BulkEndpoint.authorization(new ElasticsearchConfig.ApiKey(new Secret("aWQ6a2V5"))))
        .export(BATCHES);

    assertThat(received.take().headers().getFirst("Authorization")).isEqualTo("ApiKey aWQ6a2V5");
  }

  @Test
  void shouldBeRetryableWhenResponseHasFewerItemsThanDocuments() {
    replies.add(items(201));

    ExportOutcome outcome = exporter(Map.of(), Optional.empty()).export(BATCHES);

    assertThat(outcome)
        .isEqualTo(
            new ExportOutcome.Retryable(
                "bulk response has 1 items for 3 documents", Optional.empty()));
  }

  private ElasticsearchExporter exporter(Map<String, String> headers, Optional<Secret> auth) {
    return new ElasticsearchExporter(
        new BulkEndpoint("es", URI.create(url()), "m", Duration.ofSeconds(5), headers, auth, true),
        SinkListener.NO_OP,
        java.net.http.HttpClient.newHttpClient(),
        CLOCK);
  }

  private RetryingExporter retrying(ElasticsearchExporter exporter) {
    return new RetryingExporter(
        exporter,
        new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), 2.0, 0.0),
        SinkListener.NO_OP,
        new RetryTiming(CLOCK, sleeps::add, () -> 0.0));
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** A bulk response with one create item per status; refused items have error "e". */
  private static String items(int... statuses) {
    List<String> items = new ArrayList<>();
    for (int status : statuses) {
      String error = status >= 300 ? ",\"error\":{\"type\":\"e\"}" : "";
      items.add("{\"create\":{\"status\":" + status + error + "}}");
    }
    return "{\"errors\":false,\"items\":[" + String.join(",", items) + "]}";
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      received.add(
          new Received(
              exchange.getRequestURI().getPath(),
              exchange.getRequestHeaders(),
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
      byte[] body =
          Optional.ofNullable(replies.poll()).orElse("{}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
