package io.scrapestream.sink.elasticsearch;

import static io.scrapestream.sink.ScrapeBatchBuilder.STALE_MARKER;
import static io.scrapestream.sink.ScrapeBatchBuilder.batch;
import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.schemas.v1.NativeHistogram;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import io.scrapestream.sink.ExportOutcome;
import io.scrapestream.sink.RecordingSinkListener;
import io.scrapestream.sink.SinkListener;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opensearch.http.HttpServerTransport;

/** {@code _bulk} into a real OpenSearch 2.19 node started in the test JVM. */
@Timeout(300)
class ElasticsearchExporterIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Pattern COUNT = Pattern.compile("\"count\":(\\d+)");
  private static OpenSearchRunner runner;
  private static Path home;
  private static URI base;

  private final RecordingSinkListener listener = new RecordingSinkListener();
  private final List<String> events = listener.events();

  @BeforeAll
  static void startNode() throws IOException {
    home = Files.createTempDirectory("opensearch-it");
    runner = new OpenSearchRunner();
    runner.build(
        OpenSearchRunner.newConfigs()
            .basePath(home.toString())
            .numOfNode(1)
            .clusterName("scrapestream-it-" + ProcessHandle.current().pid()));
    runner.ensureYellow();
    int port =
        runner
            .node()
            .injector()
            .getInstance(HttpServerTransport.class)
            .boundAddress()
            .publishAddress()
            .getPort();
    base = URI.create("http://127.0.0.1:" + port);
  }

  @AfterAll
  static void stopNode() throws IOException {
    if (runner != null) {
      runner.close();
      runner.clean();
    }
  }

  @Test
  void shouldStoreEachSampleOnceWhenSameBatchesAreExportedTwice() throws Exception {
    String index = "metrics-replay";
    List<ScrapeBatch> batches = replayBatches();

    ExportOutcome first = exporter(index).export(batches);

    assertThat(first).isEqualTo(new ExportOutcome.Success(5));
    assertThat(events)
        .containsExactly(
            "dropped es stale_marker 1",
            "dropped es non_finite 1",
            "dropped es native_histogram 1");
    assertThat(count(index)).isEqualTo(5);
    SortedMap<String, String> labels =
        new TreeMap<>(Map.of("__name__", "up", "instance", "h:1", "job", "node"));
    String id = BulkDocuments.documentId(labels, 1_700_000_000_000L);
    assertThat(get("/" + index + "/_source/" + id).body())
        .isEqualTo(
            "{\"@timestamp\":\"2023-11-14T22:13:20.000Z\",\"metric\":{\"name\":\"up\"},"
                + "\"labels\":{\"instance\":\"h:1\",\"job\":\"node\"},\"value\":1.0,"
                + "\"resource\":{\"attributes\":{\"k8s.pod.name\":\"p1\"}}}");

    events.clear();
    ExportOutcome replay = exporter(index).export(batches);

    assertThat(replay).isEqualTo(new ExportOutcome.Success(5));
    assertThat(events)
        .containsExactly(
            "dropped es stale_marker 1",
            "dropped es non_finite 1",
            "dropped es native_histogram 1",
            "duplicates es 5");
    assertThat(count(index)).isEqualTo(5);
  }

  @Test
  void shouldDeadLetterExactlyTheBatchesWithMappingConflictsWhenSomeDocumentsAreRefused()
      throws Exception {
    String index = "metrics-conflict";
    HttpResponse<String> created =
        send(
            HttpRequest.newBuilder(base.resolve("/" + index))
                .header("Content-Type", "application/json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"mappings\":{\"properties\":{\"labels\":{\"properties\":"
                            + "{\"shard\":{\"type\":\"long\"}}}}}}")));
    assertThat(created.statusCode()).isEqualTo(200);
    List<ScrapeBatch> batches =
        List.of(
            batch("t0", 1_700_000_000_000L).sample(1, "__name__", "a", "shard", "1").build(),
            batch("t1", 1_700_000_000_000L).sample(2, "__name__", "b", "shard", "x").build(),
            batch("t2", 1_700_000_000_000L).sample(3, "__name__", "c").build(),
            batch("t3", 1_700_000_000_000L)
                .sample(4, "__name__", "d")
                .sample(5, "__name__", "e", "shard", "y")
                .build());

    ExportOutcome outcome = exporter(index).export(batches);

    String idB =
        BulkDocuments.documentId(
            new TreeMap<>(Map.of("__name__", "b", "shard", "x")), 1_700_000_000_000L);
    String idE =
        BulkDocuments.documentId(
            new TreeMap<>(Map.of("__name__", "e", "shard", "y")), 1_700_000_000_000L);
    assertThat(outcome)
        .isEqualTo(
            new ExportOutcome.PartiallyRejected(
                3,
                new TreeMap<>(
                    Map.of(
                        1, conflict(idB, "x"),
                        3, conflict(idE, "y")))));
    assertThat(count(index)).isEqualTo(3);
  }

  @Test
  void shouldCreateDocumentsWhenTargetIsDataStream() throws Exception {
    HttpResponse<String> template =
        send(
            HttpRequest.newBuilder(base.resolve("/_index_template/metrics-ds"))
                .header("Content-Type", "application/json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"index_patterns\":[\"metrics-ds-*\"],\"data_stream\":{}}")));
    assertThat(template.statusCode()).isEqualTo(200);

    ExportOutcome outcome = exporter("metrics-ds-prom").export(replayBatches());

    assertThat(outcome).isEqualTo(new ExportOutcome.Success(5));
    assertThat(count("metrics-ds-prom")).isEqualTo(5);
    assertThat(get("/_data_stream/metrics-ds-prom").body())
        .contains("\"name\":\"metrics-ds-prom\"");
  }

  private static String conflict(String id, String value) {
    return "document refused with status 400: mapper_parsing_exception: failed to parse field"
        + " [labels.shard] of type [long] in document with id '"
        + id
        + "'. Preview of field's value: '"
        + value
        + "'";
  }

  /** Two scrapes: five float samples and a stale marker, a NaN and a native histogram. */
  private static List<ScrapeBatch> replayBatches() {
    return List.of(
        batch("t1", 1_700_000_000_000L)
            .resource("k8s.pod.name", "p1")
            .sample(1, "__name__", "up", "instance", "h:1", "job", "node")
            .sample(0.25, "__name__", "load", "instance", "h:1", "job", "node")
            .sampleBits(STALE_MARKER, "__name__", "gone", "instance", "h:1", "job", "node")
            .sample(Double.NaN, "__name__", "ratio", "instance", "h:1", "job", "node")
            .build(),
        batch("t1", 1_700_000_015_000L)
            .resource("k8s.pod.name", "p1")
            .sample(1, "__name__", "up", "instance", "h:1", "job", "node")
            .sample(0.5, "__name__", "load", "instance", "h:1", "job", "node")
            .sampleAt(1_700_000_014_000L, 3, "__name__", "late", "job", "node")
            .series(
                Series.newBuilder().setHistogram(NativeHistogram.newBuilder().setCountInt(1)),
                "__name__",
                "latency",
                "job",
                "node")
            .build());
  }

  private ElasticsearchExporter exporter(String index) {
    return new ElasticsearchExporter(
        new BulkEndpoint(
            "es", base, index, Duration.ofSeconds(30), Map.of(), Optional.empty(), true),
        listener());
  }

  private static long count(String index) throws Exception {
    send(
        HttpRequest.newBuilder(base.resolve("/" + index + "/_refresh"))
            .POST(HttpRequest.BodyPublishers.noBody()));
    String body = get("/" + index + "/_count").body();
    Matcher matcher = COUNT.matcher(body);
    assertThat(matcher.find()).as(body).isTrue();
    return Long.parseLong(matcher.group(1));
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(
        request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private SinkListener listener() {
    return listener;
  }
}
