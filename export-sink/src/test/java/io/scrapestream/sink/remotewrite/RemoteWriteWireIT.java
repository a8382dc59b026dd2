package io.scrapestream.sink.remotewrite;

import static io.scrapestream.sink.ScrapeBatchBuilder.STALE_MARKER;
import static io.scrapestream.sink.ScrapeBatchBuilder.batch;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.scrapestream.schemas.prompb.WriteRequest;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.sink.ExportOutcome;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xerial.snappy.Snappy;

/** What the exporter puts on the wire and how it reads answers, against a loopback HTTP server. */
@Timeout(60)
class RemoteWriteWireIT {
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private HttpServer server;
  private volatile Reply reply = new Reply(204, Map.of(), "");

  record Received(String method, Headers headers, byte[] body) {}

  record Reply(int status, Map<String, String> headers, String body) {}

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/v1/write", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  @AfterEach
  void stopServer() {
    release.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  @Test
  void shouldPostSnappyProtobufWithProtocolHeadersWhenExporting() throws Exception {
    ScrapeBatch batch =
        batch("t1", 1000)
            .sample(1.5, "job", "j", "__name__", "up")
            .sampleBits(STALE_MARKER, "__name__", "gone")
            .build();

    ExportOutcome outcome = exporter(Duration.ofSeconds(5)).export(List.of(batch));

    assertThat(outcome).isEqualTo(new ExportOutcome.Success(2));
    Received request = received.take();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.headers().getFirst("Content-Encoding")).isEqualTo("snappy");
    assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/x-protobuf");
    assertThat(request.headers().getFirst("X-Prometheus-Remote-Write-Version")).isEqualTo("0.1.0");
    assertThat(request.headers().getFirst("User-Agent")).isEqualTo(RemoteWriteProtocol.USER_AGENT);
    assertThat(request.headers().getFirst("X-Scope-OrgID")).isEqualTo("tenant-1");
    WriteRequest sent = WriteRequest.parseFrom(Snappy.uncompress(request.body()));
    assertThat(sent)
        .isEqualTo(WriteRequestConverter.convert(List.of(batch), true, false).request());
    assertThat(Double.doubleToRawLongBits(sent.getTimeseries(1).getSamples(0).getValue()))
        .isEqualTo(STALE_MARKER);
  }

  @Test
  void shouldReturnRetryableWithRetryAfterWhenReceiverAnswers429() {
    reply = new Reply(429, Map.of("Retry-After", "7"), "too many requests");

    ExportOutcome outcome = exporter(Duration.ofSeconds(5)).export(oneSample());

    assertThat(outcome)
        .isEqualTo(
            new ExportOutcome.Retryable(
                "server returned HTTP status 429: too many requests",
                Optional.of(Duration.ofSeconds(7)),
                429));
  }

  @Test
  void shouldQuoteOnly1KiBOfBodyWhenReceiverRejects() {
    reply = new Reply(400, Map.of(), "y".repeat(5000));

    ExportOutcome outcome = exporter(Duration.ofSeconds(5)).export(oneSample());

    assertThat(outcome)
        .isEqualTo(
            new ExportOutcome.Rejected(
                "server returned HTTP status 400: " + "y".repeat(1024), 400));
  }

  @Test
  void shouldReturnRetryableWhenReceiverDoesNotAnswerInTime() {
    reply = null; // the handler waits until the test ends

    ExportOutcome outcome = exporter(Duration.ofMillis(300)).export(oneSample());

    assertThat(outcome)
        .isEqualTo(
            new ExportOutcome.Retryable(
                "POST " + url() + " failed: no response within PT0.3S", Optional.empty()));
  }

  @Test
  void shouldReturnRetryableWhenNothingListens() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    URI closed = URI.create("http://127.0.0.1:" + port + "/api/v1/write");

    ExportOutcome outcome =
        new RemoteWriteExporter(RemoteWriteEndpoint.of("prom", closed)).export(oneSample());

    assertThat(outcome).isInstanceOf(ExportOutcome.Retryable.class);
    assertThat(((ExportOutcome.Retryable) outcome).reason())
        .startsWith("POST " + closed + " failed: ConnectException");
  }

  @Test
  void shouldSendNothingWhenBatchesHoldNoSamples() {
    ExportOutcome outcome =
        exporter(Duration.ofSeconds(5)).export(List.of(batch("t1", 1000).build()));

    assertThat(outcome).isEqualTo(new ExportOutcome.Success(0));
    assertThat(received).isEmpty();
  }

  @Test
  void shouldRejectWithoutSendingWhenBatchIsInvalid() {
    ExportOutcome outcome =
        exporter(Duration.ofSeconds(5))
            .export(List.of(batch("t9", 1000).sample(1.0, "job", "j").build()));

    assertThat(outcome)
        .isEqualTo(
            new ExportOutcome.Rejected(
                "invalid batch of target 't9': series 0: labels must include __name__. Found:"
                    + " {job=j}",
                ExportOutcome.Rejected.NOT_SENT));
    assertThat(received).isEmpty();
  }

  private RemoteWriteExporter exporter(Duration timeout) {
    return new RemoteWriteExporter(
        new RemoteWriteEndpoint("prom", url(), timeout, Map.of("X-Scope-OrgID", "tenant-1"), true));
  }

  private URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/write");
  }

  private static List<ScrapeBatch> oneSample() {
    return List.of(batch("t1", 1000).sample(1.0, "__name__", "up").build());
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      received.add(
          new Received(
              exchange.getRequestMethod(),
              exchange.getRequestHeaders(),
              exchange.getRequestBody().readAllBytes()));
      Reply current = reply;
      if (current == null) {
        release.await();
        return;
      }
      current.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      byte[] body = current.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(current.status(), body.length == 0 ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
