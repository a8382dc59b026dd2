package io.scrapestream.sink.remotewrite;

import io.scrapestream.schemas.prompb.WriteRequest;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.sink.ExportOutcome;
import io.scrapestream.sink.Exporter;
import io.scrapestream.sink.series.InvalidBatchException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends batches to a Prometheus remote write 1.0 receiver, one request per {@link #export} call.
 * Never retries by itself: wrap it in a {@code RetryingExporter}.
 */
public final class RemoteWriteExporter implements Exporter {
  private static final Logger LOG = LoggerFactory.getLogger(RemoteWriteExporter.class);
  private static final int MAX_BODY_BYTES = 1024;

  private final RemoteWriteEndpoint endpoint;
  private final HttpClient client;
  private final Clock clock;

  /** An exporter with its own JDK HTTP client, connecting within the endpoint's timeout. */
  public RemoteWriteExporter(RemoteWriteEndpoint endpoint) {
    this(
        endpoint,
        HttpClient.newBuilder().connectTimeout(endpoint.timeout()).build(),
        Clock.systemUTC());
  }

  /**
   * @param client the HTTP client (shared or configured, e.g. with TLS settings)
   * @param clock the time against which an HTTP-date {@code Retry-After} is read
   */
  public RemoteWriteExporter(RemoteWriteEndpoint endpoint, HttpClient client, Clock clock) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.client = Objects.requireNonNull(client, "client");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public ExportOutcome export(List<ScrapeBatch> batches) {
    WriteRequestConverter.Conversion conversion;
    try {
      conversion =
          WriteRequestConverter.convert(
              batches, endpoint.sendMetadata(), endpoint.sendNativeHistograms());
    } catch (InvalidBatchException e) {
      return new ExportOutcome.Rejected(e.getMessage(), ExportOutcome.Rejected.NOT_SENT);
    }
    WriteRequest request = conversion.request();
    if (request.getTimeseriesCount() == 0 && request.getMetadataCount() == 0) {
      return new ExportOutcome.Success(0);
    }
    return send(RemoteWriteProtocol.encode(request), conversion.samples());
  }

  @Override
  public String backend() {
    return endpoint.backend();
  }

  /** Nothing to release: the JDK 17 HTTP client has no close and frees its threads when unused. */
  @Override
  public void close() {}

  private ExportOutcome send(byte[] body, long samples) {
    try {
      HttpResponse<InputStream> response =
          client.send(
              RemoteWriteProtocol.request(endpoint, body),
              HttpResponse.BodyHandlers.ofInputStream());
      String snippet = bodySnippet(response);
      return RemoteWriteResponses.classify(
              response.statusCode(), response.headers(), snippet, clock)
          .orElseGet(() -> new ExportOutcome.Success(samples));
    } catch (HttpTimeoutException e) {
      return failed("no response within " + endpoint.timeout(), e);
    } catch (IOException e) {
      return failed(describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new ExportOutcome.Retryable(
          "interrupted while sending to " + endpoint.redactedUrl(), Optional.empty());
    }
  }

  private ExportOutcome failed(String problem, IOException e) {
    String reason = "POST " + endpoint.redactedUrl() + " failed: " + problem;
    LOG.debug("[{}] {}", endpoint.backend(), reason, e);
    return new ExportOutcome.Retryable(reason, Optional.empty());
  }

  private static String bodySnippet(HttpResponse<InputStream> response) throws IOException {
    try (InputStream in = response.body()) {
      return new String(in.readNBytes(MAX_BODY_BYTES), StandardCharsets.UTF_8);
    }
  }

  /** The exception's class and the first message along its causes (the JDK's are often null). */
  private static String describe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null) {
        return e.getClass().getSimpleName() + ": " + t.getMessage();
      }
    }
    return e.getClass().getSimpleName();
  }
}
