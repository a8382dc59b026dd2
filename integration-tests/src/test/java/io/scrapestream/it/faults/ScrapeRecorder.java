package io.scrapestream.it.faults;

import io.scrapestream.core.target.ScrapeTarget;
import io.scrapestream.ingest.publish.PublishFailure;
import io.scrapestream.ingest.scrape.ScrapeListener;
import io.scrapestream.ingest.scrape.ScrapeSkipReason;
import io.scrapestream.schemas.v1.ScrapeReport;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the scraper said about its scrapes. A scrape whose batch the publisher refused is told as
 * {@code scrapeSkipped} then {@code scraped} on the same thread at once ({@code
 * ScrapeScheduler.runOnce}); a skip before scraping is followed by no {@code scraped} until the
 * target's next run, at least half an interval later. So a {@code scraped} within {@link #SAME_RUN}
 * of a skip of the same target on the same thread is a scrape taken and not delivered.
 */
final class ScrapeRecorder implements ScrapeListener {
  private static final Duration SAME_RUN = Duration.ofMillis(200);

  private record Skip(ScrapeTarget target, long nanos) {}

  private final ThreadLocal<Skip> lastSkip = new ThreadLocal<>();
  private final AtomicLong scraped = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong droppedAfterScrape = new AtomicLong();
  private final AtomicLong publishFailures = new AtomicLong();

  @Override
  public void scraped(ScrapeTarget target, ScrapeReport report) {
    scraped.incrementAndGet();
    Skip skip = lastSkip.get();
    lastSkip.remove();
    if (skip != null
        && skip.target().equals(target)
        && System.nanoTime() - skip.nanos() < SAME_RUN.toNanos()) {
      droppedAfterScrape.incrementAndGet();
    }
  }

  @Override
  public void scrapeSkipped(ScrapeTarget target, ScrapeSkipReason reason) {
    skipped.incrementAndGet();
    lastSkip.set(new Skip(target, System.nanoTime()));
  }

  @Override
  public void published(Duration latency, Optional<PublishFailure> failure) {
    if (failure.isPresent()) {
      publishFailures.incrementAndGet();
    }
  }

  /** Scrapes taken (the target answered or not). */
  long scraped() {
    return scraped.get();
  }

  /** Every skip the scraper counted, before or after scraping. */
  long skipped() {
    return skipped.get();
  }

  /** Scrapes taken whose batch the publisher refused (back-pressure). */
  long droppedAfterScrape() {
    return droppedAfterScrape.get();
  }

  /** Batches the producer gave up on after its own retries. */
  long publishFailures() {
    return publishFailures.get();
  }

  /** Scrapes taken and not delivered, each counted by the scraper. */
  long undeliveredCounted() {
    return droppedAfterScrape() + publishFailures();
  }
}
