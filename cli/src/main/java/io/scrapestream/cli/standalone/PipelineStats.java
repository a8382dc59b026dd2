package io.scrapestream.cli.standalone;

import io.scrapestream.core.target.ScrapeTarget;
import io.scrapestream.ingest.scrape.ScrapeListener;
import io.scrapestream.schemas.v1.ScrapeReport;
import io.scrapestream.sink.SinkListener;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Running totals of the whole pipeline, for the status line and the closing summary. */
final class PipelineStats implements ScrapeListener, SinkListener {
  private final Map<String, Boolean> upByTarget = new ConcurrentHashMap<>();
  private final AtomicLong scrapes = new AtomicLong();
  private final AtomicLong failedScrapes = new AtomicLong();
  private final AtomicLong samplesScraped = new AtomicLong();
  private final Map<String, AtomicLong> exportedByBackend = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> failuresByBackend = new ConcurrentHashMap<>();

  @Override
  public void scraped(ScrapeTarget target, ScrapeReport report) {
    upByTarget.put(target.key().value(), report.getUp());
    scrapes.incrementAndGet();
    if (!report.getUp()) {
      failedScrapes.incrementAndGet();
    }
    samplesScraped.addAndGet(report.getSamplesScraped());
  }

  @Override
  public void exported(String backend, long samples, Duration elapsed) {
    exportedByBackend.computeIfAbsent(backend, b -> new AtomicLong()).addAndGet(samples);
  }

  @Override
  public void failed(String backend, String outcomeClass) {
    failuresByBackend.computeIfAbsent(backend, b -> new AtomicLong()).incrementAndGet();
  }

  /** A consistent-enough copy of the totals. */
  Snapshot snapshot() {
    Map<String, Long> exported = new TreeMap<>();
    exportedByBackend.forEach((backend, count) -> exported.put(backend, count.get()));
    Map<String, Long> failures = new TreeMap<>();
    failuresByBackend.forEach((backend, count) -> failures.put(backend, count.get()));
    long up = upByTarget.values().stream().filter(Boolean::booleanValue).count();
    return new Snapshot(
        (int) up,
        upByTarget.size(),
        scrapes.get(),
        failedScrapes.get(),
        samplesScraped.get(),
        exported,
        failures);
  }

  record Snapshot(
      int targetsUp,
      int targetsSeen,
      long scrapes,
      long failedScrapes,
      long samplesScraped,
      Map<String, Long> exported,
      Map<String, Long> exportFailures) {}
}
