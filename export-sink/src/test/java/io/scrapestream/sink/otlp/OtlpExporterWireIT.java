package io.scrapestream.sink.otlp;

import static io.scrapestream.sink.ScrapeBatchBuilder.batch;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsPartialSuccess;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.sink.ExportOutcome;
import io.scrapestream.sink.RecordingSinkListener;
import io.scrapestream.sink.SinkListener;
import io.scrapestream.sink.retry.RetryPolicy;
import io.scrapestream.sink.retry.RetryTiming;
import io.scrapestream.sink.retry.RetryingExporter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
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
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the OTLP exporter puts on the wire, decoded by a loopback receiver with the
 * opentelemetry-proto classes, and how it reads the receiver's answers.
 */
@Timeout(60)
class OtlpExporterWireIT {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);

  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
  private final RecordingSinkListener listener = new RecordingSinkListener();
  private final List<String> events = listener.events();
  private final List<Duration> sleeps = new ArrayList<>();
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private HttpServer server;

  record Received(String method, Headers headers, byte[] body) {}

  record Reply(int status, Map<String, String> headers, String contentType, byte[] body) {}

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/v1/otlp/v1/metrics", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
    executor.shutdownNow();
  }

  @Test
  void shouldPostGzipProtobufWithEveryFieldWhenExportingEachMetricType() throws Exception {
    ExportOutcome outcome = exporter(true).export(List.of(OtlpFixtures.everyType()));

    assertThat(outcome).isEqualTo(new ExportOutcome.Success(7));
    Received request = received.take();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.headers().getFirst("Content-Encoding")).isEqualTo("gzip");
    assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/x-protobuf");
    assertThat(request.headers().getFirst("User-Agent")).isEqualTo(OtlpProtocol.USER_AGENT);
    assertThat(request.headers().getFirst("X-Scope-OrgID")).isEqualTo("tenant-1");
    ExportMetricsServiceRequest sent =
        ExportMetricsServiceRequest.parseFrom(
            new GZIPInputStream(new ByteArrayInputStream(request.body())));
    assertThat(sent).isEqualTo(OtlpFixtures.everyTypeRequest());
    assertThat(events).isEmpty();
  }

  @Test
  void shouldPostPlainProtobufWhenCompressionIsOff() throws Exception {
    ExportOutcome outcome = exporter(false).export(List.of(OtlpFixtures.everyType()));

    assertThat(outcome).isEqualTo(new ExportOutcome.Success(7));
    Received request = received.take();
    assertThat(request.headers().containsKey("Content-Encoding")).isFalse();
    assertThat(ExportMetricsServiceRequest.parseFrom(request.body()))
        .isEqualTo(OtlpFixtures.everyTypeRequest());
  }

  @Test
  void shouldCountPartialSuccessWithoutRetryWhenReceiverRejectsSomePoints() {
    replies.add(
        ok(
            ExportMetricsServiceResponse.newBuilder()
                .setPartialSuccess(
                    ExportMetricsPartialSuccess.newBuilder()
                        .setRejectedDataPoints(2)
                        .setErrorMessage("2 points out of order"))
                .build()
                .toByteArray()));

    ExportOutcome outcome = retrying(exporter(true)).export(List.of(OtlpFixtures.everyType()));

    assertThat(outcome).isEqualTo(new ExportOutcome.Success(5));
    assertThat(received).hasSize(1);
    assertThat(events).containsExactly("partiallyRejected otlp 2", "exported otlp 5");
  }

  @Test
  void shouldRetryAndSucceedWhenReceiverAnswers503ThenOk() {
    replies.add(new Reply(503, Map.of("Retry-After", "2"), "text/plain", "overloaded".getBytes()));
    replies.add(ok(new byte[0]));
    ScrapeBatch batch =
        batch("t1", 1000)
            .sample(1, "__name__", "up")
            .sampleBits(
                io.scrapestream.sink.ScrapeBatchBuilder.STALE_MARKER, "__name__", "x", "a", "b")
            .build();

    ExportOutcome outcome = retrying(exporter(true)).export(List.of(batch));

    assertThat(outcome).isEqualTo(new ExportOutcome.Success(2));
    assertThat(received).hasSize(2);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
    assertThat(events)
        .containsExactly("failed otlp retryable", "retried otlp 5xx", "exported otlp 2");
  }

  @Test
  void shouldRejectWithStatusMessageWhenReceiverAnswers400() {
    byte[] status =
        UnknownFieldSet.newBuilder()
            .addField(1, UnknownFieldSet.Field.newBuilder().addVarint(3).build())
            .addField(
                2,
                UnknownFieldSet.Field.newBuilder()
                    .addLengthDelimited(ByteString.copyFromUtf8("invalid metric name"))
                    .build())
            .build()
            .toByteArray();
    replies.add(new Reply(400, Map.of(), "application/x-protobuf", status));

    ExportOutcome outcome = exporter(true).export(List.of(OtlpFixtures.everyType()));

    assertThat(outcome)
        .isEqualTo(
            new ExportOutcome.Rejected(
                "server returned HTTP status 400: invalid metric name", 400));
  }

  @Test
  void shouldReportDropsOnceWhenExportSucceeds() {
    ScrapeBatch batch =
        batch("t1", 1000)
            .metadata("q", io.scrapestream.schemas.v1.MetricType.METRIC_TYPE_GAUGEHISTOGRAM, "", "")
            .sample(1, "__name__", "q_bucket", "le", "+Inf")
            .sample(1, "__name__", "q_gcount")
            .sample(3, "__name__", "up")
            .build();

    ExportOutcome outcome = exporter(true).export(List.of(batch));

    assertThat(outcome).isEqualTo(new ExportOutcome.Success(1));
    assertThat(events).containsExactly("dropped otlp gauge_histogram 2");
  }

  private OtlpExporter exporter(boolean gzip) {
    URI url =
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/otlp/v1/metrics");
    return new OtlpExporter(
        new OtlpEndpoint(
            "otlp", url, Duration.ofSeconds(5), Map.of("X-Scope-OrgID", "tenant-1"), gzip),
        listener(),
        HttpClient.newHttpClient(),
        CLOCK);
  }

  private RetryingExporter retrying(OtlpExporter exporter) {
    return new RetryingExporter(
        exporter,
        new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(5), 2.0, 0.0),
        listener(),
        new RetryTiming(CLOCK, sleeps::add, () -> 0.0));
  }

  private SinkListener listener() {
    return listener;
  }

  private static Reply ok(byte[] body) {
    return new Reply(200, Map.of(), "application/x-protobuf", body);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      received.add(
          new Received(
              exchange.getRequestMethod(),
              exchange.getRequestHeaders(),
              exchange.getRequestBody().readAllBytes()));
      Reply reply = Optional.ofNullable(replies.poll()).orElse(ok(new byte[0]));
      reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      exchange.getResponseHeaders().add("Content-Type", reply.contentType());
      exchange.sendResponseHeaders(
          reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(reply.body());
      }
    }
  }
}
