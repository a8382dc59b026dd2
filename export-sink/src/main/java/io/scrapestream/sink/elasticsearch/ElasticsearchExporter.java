package io.scrapestream.sink.elasticsearch;

import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.sink.ExportOutcome;
import io.scrapestream.sink.Exporter;
import io.scrapestream.sink.SinkListener;
import io.scrapestream.sink.series.InvalidBatchException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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
 * Creates one document per float sample in an Elasticsearch or OpenSearch index or data stream with
 * {@code _bulk}. Items refused for now (429, 5xx) are retryable, and the next attempt of the same
 * batches sends only those; items refused for good make their batches dead letters ({@link
 * ExportOutcome.PartiallyRejected}); a 409 means the document is already there (a replay) and
 * counts as written. Never waits by itself: wrap it in a {@code RetryingExporter}.
 */
public final class ElasticsearchExporter implements Exporter {
  private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchExporter.class);
  private static final String CONTENT_TYPE = "application/x-ndjson";
  private static final int MAX_ERROR_BYTES = 1024;

  private final BulkEndpoint endpoint;
  private final SinkListener listener;
  private final HttpClient client;
  private final Clock clock;
  private PendingBulk pending;

  public ElasticsearchExporter(BulkEndpoint endpoint, SinkListener listener) {
    this(
        endpoint,
        listener,
        HttpClient.newBuilder().connectTimeout(endpoint.timeout()).build(),
        Clock.systemUTC());
  }

  public ElasticsearchExporter(
      BulkEndpoint endpoint, SinkListener listener, HttpClient client, Clock clock) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.client = Objects.requireNonNull(client, "client");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public synchronized ExportOutcome export(List<ScrapeBatch> batches) {
    if (pending == null || !pending.isFor(batches)) {
      try {
        pending =
            new PendingBulk(
                batches, BulkDocuments.encode(batches, endpoint.index(), endpoint.hashIds()));
      } catch (InvalidBatchException e) {
        pending = null;
        return new ExportOutcome.Rejected(e.getMessage(), ExportOutcome.Rejected.NOT_SENT);
      }
    }
    if (!pending.remaining().isEmpty()) {
      Optional<ExportOutcome> unfinished = send(pending.remaining());
      if (unfinished.isPresent()) {
        if (unfinished.get() instanceof ExportOutcome.Rejected) {
          pending = null;
        }
        return unfinished.get();
      }
    }
    return finish();
  }

  @Override
  public String backend() {
    return endpoint.backend();
  }

  /** Nothing to release: the JDK 17 HTTP client has no close and frees its threads when unused. */
  @Override
  public void close() {}

  private ExportOutcome finish() {
    PendingBulk done = pending;
    pending = null;
    done.dropped().forEach((reason, n) -> listener.dropped(backend(), reason, n));
    if (done.duplicates() > 0) {
      listener.duplicates(backend(), done.duplicates());
    }
    return done.finished();
  }

  /** Sends the documents; empty when none remains retryable, else the outcome to return. */
  private Optional<ExportOutcome> send(List<BulkDocuments.Document> documents) {
    try {
      HttpResponse<byte[]> response =
          client.send(
              request(BulkDocuments.body(documents)), HttpResponse.BodyHandlers.ofByteArray());
      Optional<ExportOutcome> failure =
          BulkResponses.classify(
              response.statusCode(), response.headers(), snippet(response.body()), clock);
      return failure.isPresent() ? failure : applyItems(documents, response.body());
    } catch (HttpTimeoutException e) {
      return Optional.of(failed("no response within " + endpoint.timeout(), e));
    } catch (IOException e) {
      return Optional.of(failed(e.getClass().getSimpleName() + ": " + e.getMessage(), e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of(retryable("interrupted while sending to " + endpoint.redactedUrl()));
    }
  }

  /** Reads the per-document results of an accepted request; retryable ones remain pending. */
  private Optional<ExportOutcome> applyItems(List<BulkDocuments.Document> documents, byte[] body) {
    List<BulkResponses.Item> items;
    try {
      items = BulkResponses.items(body);
    } catch (IllegalArgumentException e) {
      return Optional.of(retryable(e.getMessage()));
    }
    if (items.size() != documents.size()) {
      return Optional.of(
          retryable(
              "bulk response has "
                  + items.size()
                  + " items for "
                  + documents.size()
                  + " documents"));
    }
    String firstRetryable = pending.apply(documents, items);
    return pending.remaining().isEmpty()
        ? Optional.empty()
        : Optional.of(notWrittenYet(documents.size(), firstRetryable));
  }

  /** The outcome of a response whose items were not all written: retryable, with the first's. */
  private ExportOutcome notWrittenYet(int sent, String firstRetryable) {
    return new ExportOutcome.Retryable(
        pending.remaining().size()
            + " of "
            + sent
            + " documents not written yet; first: "
            + firstRetryable,
        Optional.empty(),
        pending.firstRetryableStatus());
  }

  private HttpRequest request(byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint.bulkUrl())
            .timeout(endpoint.timeout())
            .version(HttpClient.Version.HTTP_1_1)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    endpoint.headers().forEach(request::header);
    endpoint.authorization().ifPresent(auth -> request.header("Authorization", auth.reveal()));
    return request.header("Content-Type", CONTENT_TYPE).build();
  }

  private ExportOutcome failed(String problem, IOException e) {
    LOG.debug("[{}] POST {}/_bulk failed", backend(), endpoint.redactedUrl(), e);
    return retryable("POST " + endpoint.redactedUrl() + "/_bulk failed: " + problem);
  }

  private static ExportOutcome retryable(String reason) {
    return new ExportOutcome.Retryable(reason, Optional.empty());
  }

  private static String snippet(byte[] body) {
    int length = Math.min(body.length, MAX_ERROR_BYTES);
    return new String(body, 0, length, StandardCharsets.UTF_8);
  }
}
