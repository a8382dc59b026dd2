package io.scrapestream.sink.remotewrite;

import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.sink.ExportOutcome;
import io.scrapestream.sink.Exporter;
import io.scrapestream.sink.RequestSigner;
import io.scrapestream.sink.SinkListener;
import io.scrapestream.sink.series.FlatBatch;
import io.scrapestream.sink.series.InvalidBatchException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends batches to a Prometheus remote write receiver, one request per {@link #export} call, as 2.0
 * when the endpoint asks for it and the receiver takes it, else as 1.0. A 2.0 request answered with
 * 415, or with a 2xx but none of the {@code X-Prometheus-Remote-Write-*-Written} headers (a 1.0
 * receiver that read the 2.0 message as an empty 1.0 one), is sent again at once as 1.0, and so is
 * every later request. Never retries by itself: wrap it in a {@code RetryingExporter}; each call
 * signs its request anew.
 */
public final class RemoteWriteExporter implements Exporter {
  private static final Logger LOG = LoggerFactory.getLogger(RemoteWriteExporter.class);

  private final RemoteWriteEndpoint endpoint;
  private final Collaborators with;
  private final RemoteWriteSender sender;
  private final AtomicReference<RemoteWriteVersion> version;
  private final V1Bodies v1Bodies = new V1Bodies();

  /**
   * What the exporter works with besides its endpoint.
   *
   * @param client the HTTP client (shared or configured, e.g. with TLS settings)
   * @param clock the time against which an HTTP-date {@code Retry-After} is read
   * @param signer signs every request (e.g. SigV4), or {@link RequestSigner#NONE}
   * @param listener hears what a 2.0 receiver confirmed writing
   */
  public record Collaborators(
      HttpClient client, Clock clock, RequestSigner signer, SinkListener listener) {
    public Collaborators {
      Objects.requireNonNull(client, "client");
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(signer, "signer");
      Objects.requireNonNull(listener, "listener");
    }

    /** An own JDK HTTP client connecting within the endpoint's timeout, no signing, no listener. */
    public static Collaborators defaults(RemoteWriteEndpoint endpoint) {
      return new Collaborators(
          HttpClient.newBuilder().connectTimeout(endpoint.timeout()).build(),
          Clock.systemUTC(),
          RequestSigner.NONE,
          SinkListener.NO_OP);
    }
  }

  public RemoteWriteExporter(RemoteWriteEndpoint endpoint) {
    this(endpoint, Collaborators.defaults(endpoint));
  }

  public RemoteWriteExporter(RemoteWriteEndpoint endpoint, HttpClient client, Clock clock) {
    this(endpoint, new Collaborators(client, clock, RequestSigner.NONE, SinkListener.NO_OP));
  }

  public RemoteWriteExporter(RemoteWriteEndpoint endpoint, Collaborators with) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.with = Objects.requireNonNull(with, "with");
    this.sender = new RemoteWriteSender(endpoint, with.client(), with.signer());
    this.version = new AtomicReference<>(endpoint.version());
  }

  @Override
  public ExportOutcome export(List<ScrapeBatch> batches) {
    if (version.get() == RemoteWriteVersion.V2) {
      return exportV2(batches);
    }
    return exportV1(batches.stream().map(FlatBatch::of).toList());
  }

  /** Sends as {@link #export(List)} does; a 1.0 request is written from the columns alone. */
  @Override
  public ExportOutcome exportFlat(List<FlatBatch> batches, RetryWatcher watcher) {
    if (version.get() == RemoteWriteVersion.V2) {
      return exportV2(FlatBatch.messages(batches));
    }
    return exportV1(batches);
  }

  /** The message this exporter sends now: the endpoint's, or 1.0 after a fallback. */
  public RemoteWriteVersion version() {
    return version.get();
  }

  @Override
  public String backend() {
    return endpoint.backend();
  }

  /** Closes the signer; the JDK 17 HTTP client has no close and frees its threads when unused. */
  @Override
  public void close() {
    with.signer().close();
  }

  private ExportOutcome exportV1(List<FlatBatch> batches) {
    WriteRequestWriter.Body body;
    try {
      body = v1Bodies.body(batches, endpoint.sendMetadata(), endpoint.sendNativeHistograms());
    } catch (InvalidBatchException e) {
      return new ExportOutcome.Rejected(e.getMessage(), ExportOutcome.Rejected.NOT_SENT);
    }
    if (body.protobufLength() == 0) {
      return new ExportOutcome.Success(0);
    }
    try {
      RemoteWriteSender.Reply reply = sender.post(RemoteWriteVersion.V1, body.snappy());
      return classify(reply).orElseGet(() -> new ExportOutcome.Success(body.samples()));
    } catch (RemoteWriteSender.Failed e) {
      return e.outcome();
    }
  }

  private ExportOutcome exportV2(List<ScrapeBatch> batches) {
    V2RequestConverter.Conversion conversion;
    try {
      conversion =
          V2RequestConverter.convert(
              batches, endpoint.sendMetadata(), endpoint.sendNativeHistograms());
    } catch (InvalidBatchException e) {
      return new ExportOutcome.Rejected(e.getMessage(), ExportOutcome.Rejected.NOT_SENT);
    }
    return conversion.request().getTimeseriesCount() == 0
        ? new ExportOutcome.Success(0)
        : sendV2(batches, conversion);
  }

  private ExportOutcome sendV2(
      List<ScrapeBatch> batches, V2RequestConverter.Conversion conversion) {
    RemoteWriteSender.Reply reply;
    try {
      reply = sender.post(RemoteWriteVersion.V2, RemoteWriteProtocol.encode(conversion.request()));
    } catch (RemoteWriteSender.Failed e) {
      return e.outcome();
    }
    Optional<WrittenCounts> written = WrittenCounts.from(reply.headers());
    if (reply.status() == 415 || (reply.status() / 100 == 2 && written.isEmpty())) {
      fallBack(reply.status());
      return exportV1(batches.stream().map(FlatBatch::of).toList());
    }
    written.ifPresent(
        w -> with.listener().written(backend(), w.samples(), w.histograms(), w.exemplars()));
    return classify(reply)
        .orElseGet(() -> new ExportOutcome.Success(conversion.samples() + conversion.histograms()));
  }

  private Optional<ExportOutcome> classify(RemoteWriteSender.Reply reply) {
    return RemoteWriteResponses.classify(
        reply.status(), reply.headers(), reply.bodySnippet(), with.clock());
  }

  private void fallBack(int status) {
    if (version.compareAndSet(RemoteWriteVersion.V2, RemoteWriteVersion.V1)) {
      LOG.warn(
          "[{}] {} does not take remote write 2.0 (HTTP {}{}); sending 1.0 from now on",
          endpoint.backend(),
          endpoint.redactedUrl(),
          status,
          status == 415 ? "" : " without X-Prometheus-Remote-Write-*-Written headers");
    }
  }
}
