package io.scrapestream.sink.otlp;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsPartialSuccess;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.sink.ExportOutcome;
import io.scrapestream.sink.Exporter;
import io.scrapestream.sink.SinkListener;
import io.scrapestream.sink.series.InvalidBatchException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends batches to an OTLP/HTTP metrics receiver (binary protobuf), one request per {@link #export}
 * call; success counts OTLP data points. A partial success is counted, logged at most once a
 * minute, and not retried. Never retries by itself: wrap it in a {@code RetryingExporter}.
 */
public final class OtlpExporter implements Exporter {
  private static final Logger LOG = LoggerFactory.getLogger(OtlpExporter.class);
  private static final int MAX_RESPONSE_BYTES = 64 * 1024;
  private static final Duration WARN_INTERVAL = Duration.ofMinutes(1);

  private final OtlpEndpoint endpoint;
  private final SinkListener listener;
  private final HttpClient client;
  private final Clock clock;
  private Instant nextWarning = Instant.MIN;

  /** An exporter with its own JDK HTTP client, connecting within the endpoint's timeout. */
  public OtlpExporter(OtlpEndpoint endpoint, SinkListener listener) {
    this(
        endpoint,
        listener,
        HttpClient.newBuilder().connectTimeout(endpoint.timeout()).build(),
        Clock.systemUTC());
  }

  /**
   * @param client the HTTP client (shared or configured, e.g. with TLS settings)
   * @param clock the time against which {@code Retry-After} dates and log throttling are read
   */
  public OtlpExporter(
      OtlpEndpoint endpoint, SinkListener listener, HttpClient client, Clock clock) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.client = Objects.requireNonNull(client, "client");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public ExportOutcome export(List<ScrapeBatch> batches) {
    OtlpMetricsConverter.Conversion conversion;
    try {
      conversion = OtlpMetricsConverter.convert(batches);
    } catch (InvalidBatchException e) {
      return new ExportOutcome.Rejected(e.getMessage(), ExportOutcome.Rejected.NOT_SENT);
    }
    ExportOutcome outcome =
        conversion.dataPoints() == 0
            ? new ExportOutcome.Success(0)
            : send(OtlpProtocol.encode(conversion.request(), endpoint.gzip()), conversion);
    if (outcome instanceof ExportOutcome.Success) {
      conversion.dropped().forEach((reason, n) -> listener.dropped(backend(), reason, n));
    }
    return outcome;
  }

  @Override
  public String backend() {
    return endpoint.backend();
  }

  /** Nothing to release: the JDK 17 HTTP client has no close and frees its threads when unused. */
  @Override
  public void close() {}

  private ExportOutcome send(byte[] body, OtlpMetricsConverter.Conversion conversion) {
    try {
      HttpResponse<InputStream> response =
          client.send(
              OtlpProtocol.request(endpoint, body), HttpResponse.BodyHandlers.ofInputStream());
      byte[] responseBody;
      try (InputStream in = response.body()) {
        responseBody = in.readNBytes(MAX_RESPONSE_BYTES);
      }
      String message =
          OtlpResponses.errorMessage(responseBody, response.headers().firstValue("Content-Type"));
      Optional<ExportOutcome> failure =
          OtlpResponses.classify(response.statusCode(), response.headers(), message, clock);
      return failure.orElseGet(
          () -> accepted(OtlpResponses.partialSuccess(responseBody), conversion.dataPoints()));
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

  private ExportOutcome accepted(ExportMetricsPartialSuccess partial, long dataPoints) {
    long rejected = Math.min(Math.max(partial.getRejectedDataPoints(), 0), dataPoints);
    if (rejected > 0) {
      listener.partiallyRejected(backend(), rejected);
    }
    if ((rejected > 0 || !partial.getErrorMessage().isEmpty()) && warningDue()) {
      LOG.warn(
          "[{}] receiver rejected {} of {} data points (not retried): {}",
          backend(),
          rejected,
          dataPoints,
          cut(partial.getErrorMessage()));
    }
    return new ExportOutcome.Success(dataPoints - rejected);
  }

  private boolean warningDue() {
    Instant now = clock.instant();
    if (now.isBefore(nextWarning)) {
      return false;
    }
    nextWarning = now.plus(WARN_INTERVAL);
    return true;
  }

  private ExportOutcome failed(String problem, IOException e) {
    String reason = "POST " + endpoint.redactedUrl() + " failed: " + problem;
    LOG.debug("[{}] {}", endpoint.backend(), reason, e);
    return new ExportOutcome.Retryable(reason, Optional.empty());
  }

  private static String cut(String message) {
    return message.length() > OtlpResponses.MAX_BODY_CHARS
        ? message.substring(0, OtlpResponses.MAX_BODY_CHARS) + "..."
        : message;
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
