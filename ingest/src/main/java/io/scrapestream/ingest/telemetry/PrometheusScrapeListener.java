package io.scrapestream.ingest.telemetry;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.scrapestream.core.target.ScrapeTarget;
import io.scrapestream.ingest.publish.PublishFailure;
import io.scrapestream.ingest.scrape.DroppedSampleReason;
import io.scrapestream.ingest.scrape.ScrapeLimitKind;
import io.scrapestream.ingest.scrape.ScrapeListener;
import io.scrapestream.ingest.scrape.ScrapeSkipReason;
import io.scrapestream.schemas.v1.ScrapeReport;
import java.time.Duration;
import java.util.Optional;

/**
 * The scraper's self-metrics, {@code scrapestream_ingest_*}. Labels come from closed sets only
 * ({@code outcome}, {@code kind}, {@code reason}), never target URLs or series.
 */
public final class PrometheusScrapeListener implements ScrapeListener {
  private static final String SCRAPES_HELP = "Scrapes by outcome (success or failure).";
  private static final String DURATION_HELP =
      "How long scrapes took, body read and parse included.";
  private static final String SAMPLES_HELP = "Samples scraped, synthetic series not included.";
  private static final String BYTES_HELP = "Bytes of scrape bodies after decompression.";
  private static final String LIMIT_HITS_HELP = "Scrapes failed by the limit they exceeded.";
  private static final String DROPPED_HELP =
      "Samples dropped from kept scrapes: duplicate_timestamp or out_of_bounds.";
  private static final String LATENCY_HELP =
      "From handing a batch to the Kafka producer to the broker's answer.";
  private static final String PRODUCE_ERRORS_HELP =
      "Batches not published after the producer's retries: retryable, rejected or fatal.";

  private static final String SKIPPED_HELP =
      "Due scrapes skipped (or their batch dropped) because Kafka did not keep up: backpressure.";

  private final Counter scrapes;
  private final Counter skipped;
  private final Histogram duration;
  private final Counter samples;
  private final Counter bytes;
  private final Counter limitHits;
  private final Counter dropped;
  private final Histogram produceLatency;
  private final Counter produceErrors;

  public PrometheusScrapeListener(PrometheusRegistry registry) {
    scrapes = counter(registry, "scrapes_total", SCRAPES_HELP, "outcome");
    skipped = counter(registry, "scrapes_skipped_total", SKIPPED_HELP, "reason");
    duration = histogram(registry, "scrape_duration_seconds", DURATION_HELP);
    samples = counter(registry, "samples_scraped_total", SAMPLES_HELP);
    bytes = counter(registry, "body_bytes_total", BYTES_HELP);
    limitHits = counter(registry, "limit_hits_total", LIMIT_HITS_HELP, "kind");
    dropped = counter(registry, "samples_dropped_total", DROPPED_HELP, "reason");
    produceLatency = histogram(registry, "produce_latency_seconds", LATENCY_HELP);
    produceErrors = counter(registry, "produce_errors_total", PRODUCE_ERRORS_HELP, "reason");
    initialise();
  }

  @Override
  public void scraped(ScrapeTarget target, ScrapeReport report) {
    scrapes.labelValues(report.getUp() ? "success" : "failure").inc();
    samples.inc(report.getSamplesScraped());
    bytes.inc(report.getBodyBytes());
    duration.observe(report.getDurationSeconds());
  }

  @Override
  public void scrapeSkipped(ScrapeTarget target, ScrapeSkipReason reason) {
    skipped.labelValues(reason.label()).inc();
  }

  @Override
  public void limitExceeded(ScrapeTarget target, ScrapeLimitKind kind) {
    limitHits.labelValues(kind.label()).inc();
  }

  @Override
  public void samplesDropped(ScrapeTarget target, DroppedSampleReason reason, int count) {
    dropped.labelValues(reason.label()).inc(count);
  }

  @Override
  public void published(Duration latency, Optional<PublishFailure> failure) {
    produceLatency.observe(latency.toNanos() / 1e9);
    failure.ifPresent(f -> produceErrors.labelValues(f.label()).inc());
  }

  /** Every label value of the closed sets starts at 0, so that rates work from the start. */
  private void initialise() {
    scrapes.labelValues("success");
    scrapes.labelValues("failure");
    for (ScrapeSkipReason reason : ScrapeSkipReason.values()) {
      skipped.labelValues(reason.label());
    }
    for (ScrapeLimitKind kind : ScrapeLimitKind.values()) {
      limitHits.labelValues(kind.label());
    }
    for (DroppedSampleReason reason : DroppedSampleReason.values()) {
      dropped.labelValues(reason.label());
    }
    for (PublishFailure failure : PublishFailure.values()) {
      produceErrors.labelValues(failure.label());
    }
  }

  private static Histogram histogram(PrometheusRegistry registry, String name, String help) {
    return Histogram.builder().name("scrapestream_ingest_" + name).help(help).register(registry);
  }

  private static Counter counter(
      PrometheusRegistry registry, String name, String help, String... labels) {
    return Counter.builder()
        .name("scrapestream_ingest_" + name)
        .help(help)
        .labelNames(labels)
        .register(registry);
  }
}
