package io.scrapestream.ingest.scrape;

import io.scrapestream.core.target.ScrapeTarget;
import io.scrapestream.ingest.parse.ExpositionFormat;
import io.scrapestream.ingest.parse.ExpositionParseException;
import io.scrapestream.ingest.parse.ExpositionParser;
import io.scrapestream.ingest.parse.UnsupportedContentTypeException;
import io.scrapestream.schemas.v1.Label;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.ScrapeReport;
import io.scrapestream.schemas.v1.Target;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Scrapes one target, once per call, into a {@code ScrapeBatch}. A failed scrape still yields a
 * batch: {@code up 0} and the reason in its report. Keeps one parser per format, so repeated
 * scrapes of the target reuse the parser's intern cache. Not thread-safe: one scrape at a time.
 */
public final class TargetScraper {
  private final ScrapeTarget target;
  private final ScrapeClient client;
  private final Clock clock;
  private final String scraperId;
  private final Map<ExpositionFormat, ExpositionParser> parsers =
      new EnumMap<>(ExpositionFormat.class);

  public TargetScraper(ScrapeTarget target, ScrapeClient client, Clock clock, String scraperId) {
    this.target = target;
    this.client = client;
    this.clock = clock;
    this.scraperId = scraperId;
  }

  public ScrapeTarget target() {
    return target;
  }

  /** Scrapes the target now. Only interruption escapes; every other failure is in the report. */
  public ScrapeBatch scrape() throws InterruptedException {
    long timestampMs = clock.millis();
    long startNanos = System.nanoTime();
    BatchAssembler assembler = new BatchAssembler(target);
    String error = "";
    long bodyBytes = 0;
    try {
      ScrapeClient.Response response = client.fetch(target.url(), target.timeout());
      bodyBytes = response.body().length;
      parserFor(response.contentType())
          .parse(response.body(), 0, response.body().length, assembler);
    } catch (ScrapeException | ExpositionParseException e) {
      error = e.getMessage();
      assembler.discardSamples();
    }
    double durationSeconds = (System.nanoTime() - startNanos) / 1e9;
    int scraped = assembler.sampleCount();
    ScrapeReport report =
        ScrapeReport.newBuilder()
            .setUp(error.isEmpty())
            .setDurationSeconds(durationSeconds)
            .setSamplesScraped(scraped)
            .setSamplesPostMetricRelabeling(scraped)
            .setError(error)
            .setBodyBytes(bodyBytes)
            .setScraperId(scraperId)
            .build();
    addSyntheticSeries(assembler, report);
    return assembler
        .toBatch()
        .setTarget(targetProto())
        .setTimestampMs(timestampMs)
        .setReport(report)
        .build();
  }

  private ExpositionParser parserFor(String contentType) throws ScrapeException {
    ExpositionFormat format;
    try {
      format = ExpositionFormat.fromContentType(contentType, Optional.empty());
    } catch (UnsupportedContentTypeException e) {
      throw new ScrapeException(e.getMessage());
    }
    return parsers.computeIfAbsent(format, ExpositionFormat::newParser);
  }

  private static void addSyntheticSeries(BatchAssembler assembler, ScrapeReport report) {
    assembler.synthetic("up", report.getUp() ? 1 : 0);
    assembler.synthetic("scrape_duration_seconds", report.getDurationSeconds());
    assembler.synthetic("scrape_samples_scraped", report.getSamplesScraped());
    assembler.synthetic(
        "scrape_samples_post_metric_relabeling", report.getSamplesPostMetricRelabeling());
  }

  private Target targetProto() {
    Target.Builder proto =
        Target.newBuilder()
            .setKey(target.key().value())
            .setJob(target.job())
            .setScrapeUrl(target.url().toString())
            .setIntervalMs(target.interval().toMillis())
            .setTimeoutMs(target.timeout().toMillis());
    target
        .labels()
        .forEach(
            (name, value) -> proto.addLabels(Label.newBuilder().setName(name).setValue(value)));
    return proto.build();
  }
}
