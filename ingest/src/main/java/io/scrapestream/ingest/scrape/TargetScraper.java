package io.scrapestream.ingest.scrape;

import io.scrapestream.core.target.ScrapeTarget;
import io.scrapestream.ingest.parse.AcceptHeader;
import io.scrapestream.ingest.parse.ExpositionParseException;
import io.scrapestream.ingest.publish.EncodedBatch;
import io.scrapestream.schemas.v1.Label;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.ScrapeReport;
import io.scrapestream.schemas.v1.Target;
import java.util.Objects;
import java.util.Optional;

/**
 * Scrapes one target, once per call, into a {@code ScrapeBatch}. A failed scrape still yields a
 * batch: {@code up 0} and the reason in its report, with the synthetic series Prometheus writes
 * ({@code up}, {@code scrape_duration_seconds}, {@code scrape_samples_scraped}, {@code
 * scrape_samples_post_metric_relabeling}). Keeps one parser per format; keeps nothing per series
 * between scrapes. Not thread-safe: one scrape at a time.
 */
public final class TargetScraper {
  /** How many synthetic series end every batch (they travel in the last chunk). */
  public static final int SYNTHETIC_SERIES = 4;

  private final ScrapeTarget target;
  private final ScrapeJob job;
  private final Parsers parsers;
  private final String acceptHeader;
  private final TargetLabels targetLabels;
  private final SampleLimits limits;
  private final Target targetProto;
  private final String key;
  private final String forcedError;

  public TargetScraper(ScrapeTarget target, ScrapeJob job) {
    this(target, job, "");
  }

  /**
   * A scraper whose every scrape fails with {@code forcedError} (when not empty) without a request,
   * as Prometheus fails each target of a scrape pool that is over its {@code target_limit}.
   */
  public TargetScraper(ScrapeTarget target, ScrapeJob job, String forcedError) {
    this.forcedError = Objects.requireNonNull(forcedError, "forcedError");
    this.target = target;
    this.job = job;
    this.parsers = new Parsers(job.format());
    this.acceptHeader = AcceptHeader.of(job.format().protocols());
    this.targetLabels = TargetLabels.of(target);
    this.limits = new SampleLimits(job.limits());
    this.targetProto = targetProto(target);
    this.key = target.key().value();
  }

  public ScrapeTarget target() {
    return target;
  }

  /** The job this target is scraped with. */
  public ScrapeJob job() {
    return job;
  }

  /** The error every scrape fails with, empty when scrapes are made. */
  public String forcedError() {
    return forcedError;
  }

  /**
   * Scrapes the target now, into a decoded batch (tests, tools). Only interruption escapes; every
   * other failure is in the report.
   */
  public ScrapeBatch scrape() throws InterruptedException {
    return scrapeEncoded().batch().decode();
  }

  /** What one scrape made: the encoded batch, and its report (for the listener). */
  public record Scraped(EncodedBatch batch, ScrapeReport report) {
    public Scraped {
      Objects.requireNonNull(batch, "batch");
      Objects.requireNonNull(report, "report");
    }
  }

  /**
   * Scrapes the target now, encoding the batch directly (no message objects) in this thread's
   * reused {@link ScrapeBuffers}. Only interruption escapes; every other failure is in the report.
   */
  public Scraped scrapeEncoded() throws InterruptedException {
    long timestampMs = job.clock().millis();
    long startNanos = System.nanoTime();
    ScrapeBuffers buffers = ScrapeBuffers.ofThisThread();
    Fetched fetched = fetch(buffers.body);
    // Reset after the fetch, not before: the buffers are then in cache for the parse.
    buffers.reset();
    SampleAdmission admission =
        new SampleAdmission(job.limits().sampleLimit(), timestampMs, buffers.seen);
    BatchAssembler assembler =
        new BatchAssembler(targetLabels, limits, admission, job.metricRelabeling(), buffers);
    Outcome outcome = fetched.response() == null ? fetched.failure() : parse(fetched, assembler);
    if (!outcome.error().isEmpty()) {
      assembler.discardSamples();
    }
    tellListener(outcome, admission);
    ScrapeReport report = report(outcome, assembler, (System.nanoTime() - startNanos) / 1e9);
    addSyntheticSeries(assembler, report);
    byte[] bytes = BatchEncoding.encode(buffers, targetProto, timestampMs, report);
    buffers.reset();
    return new Scraped(new EncodedBatch(key, targetProto.getScrapeUrl(), bytes), report);
  }

  /** How a fetch and parse ended: the error text (empty when up), its limit, the body size. */
  private record Outcome(String error, Optional<ScrapeLimitKind> limit, long bodyBytes) {}

  /** The response of a fetch, or (response null) how it failed. */
  private record Fetched(ScrapeClient.Response response, Outcome failure) {}

  /** Fetches the body into {@code body}: the response is valid until the next fetch into it. */
  private Fetched fetch(BodyBuffer body) throws InterruptedException {
    if (!forcedError.isEmpty()) {
      return new Fetched(null, new Outcome(forcedError, Optional.of(ScrapeLimitKind.TARGET), 0));
    }
    try {
      return new Fetched(
          job.client()
              .fetch(
                  new ScrapeClient.Request(
                      target.url(),
                      target.timeout(),
                      job.limits().bodySizeLimitBytes(),
                      acceptHeader()),
                  body),
          null);
    } catch (ScrapeException e) {
      return new Fetched(null, new Outcome(e.getMessage(), e.limit(), 0));
    }
  }

  private Outcome parse(Fetched fetched, BatchAssembler assembler) {
    ScrapeClient.Response response = fetched.response();
    long bodyBytes = response.length();
    try {
      parsers
          .forContentType(response.contentType())
          .parse(response.bytes(), 0, response.length(), assembler);
      assembler.checkSampleLimit(job.limits().sampleLimit());
      return new Outcome("", Optional.empty(), bodyBytes);
    } catch (ScrapeException e) {
      return new Outcome(e.getMessage(), e.limit(), bodyBytes);
    } catch (ExpositionParseException | InvalidSeriesException e) {
      return new Outcome(e.getMessage(), Optional.empty(), bodyBytes);
    } catch (ScrapeLimitExceededException e) {
      return new Outcome(e.getMessage(), Optional.of(e.kind()), bodyBytes);
    }
  }

  /** The one place that chooses the {@code Accept} header of a scrape. */
  private String acceptHeader() {
    return acceptHeader;
  }

  private ScrapeReport report(Outcome outcome, BatchAssembler assembler, double seconds) {
    return ScrapeReport.newBuilder()
        .setUp(outcome.error().isEmpty())
        .setDurationSeconds(seconds)
        .setSamplesScraped(assembler.scraped())
        .setSamplesPostMetricRelabeling(assembler.postRelabeling())
        .setError(outcome.error())
        .setBodyBytes(outcome.bodyBytes())
        .setScraperId(job.scraperId())
        .build();
  }

  /**
   * Limit hits, and samples dropped as Prometheus counts them (even if the scrape failed later).
   */
  private void tellListener(Outcome outcome, SampleAdmission admission) {
    ScrapeListener listener = job.listener();
    outcome.limit().ifPresent(kind -> listener.limitExceeded(target, kind));
    if (admission.duplicates() > 0) {
      listener.samplesDropped(
          target, DroppedSampleReason.DUPLICATE_TIMESTAMP, admission.duplicates());
    }
    if (admission.outOfBounds() > 0) {
      listener.samplesDropped(target, DroppedSampleReason.OUT_OF_BOUNDS, admission.outOfBounds());
    }
  }

  private static void addSyntheticSeries(BatchAssembler assembler, ScrapeReport report) {
    assembler.synthetic("up", report.getUp() ? 1 : 0);
    assembler.synthetic("scrape_duration_seconds", report.getDurationSeconds());
    assembler.synthetic("scrape_samples_scraped", report.getSamplesScraped());
    assembler.synthetic(
        "scrape_samples_post_metric_relabeling", report.getSamplesPostMetricRelabeling());
  }

  private static Target targetProto(ScrapeTarget target) {
    Target.Builder proto =
        Target.newBuilder()
            .setKey(target.key().value())
            .setJob(target.job())
            .setScrapeUrl(target.url().toString())
            .setIntervalMs(target.interval().toMillis())
            .setTimeoutMs(target.timeout().toMillis())
            .setTrackTimestampsStaleness(target.trackTimestampsStaleness());
    target
        .labels()
        .forEach(
            (name, value) -> proto.addLabels(Label.newBuilder().setName(name).setValue(value)));
    return proto.build();
  }
}
