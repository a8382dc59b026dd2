package io.scrapestream.ingest.scrape;

import io.scrapestream.core.target.ScrapeTarget;
import io.scrapestream.ingest.publish.BatchPublisher;
import io.scrapestream.schemas.v1.ScrapeBatch;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scrapes each target on its interval, starting at an offset derived from its key as Prometheus
 * does, so scrapes of many targets spread over the interval, and publishes every batch.
 */
public final class ScrapeScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ScrapeScheduler.class);

  private final ScheduledExecutorService executor;
  private final BatchPublisher publisher;
  private final ScrapeListener listener;
  private final Clock clock;

  public ScrapeScheduler(
      BatchPublisher publisher, ScrapeListener listener, Clock clock, int threads) {
    AtomicInteger count = new AtomicInteger();
    this.executor =
        Executors.newScheduledThreadPool(
            threads,
            r -> {
              Thread thread = new Thread(r, "scrape-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    this.publisher = publisher;
    this.listener = listener;
    this.clock = clock;
  }

  /** Starts scraping these targets. */
  public void schedule(List<TargetScraper> scrapers) {
    for (TargetScraper scraper : scrapers) {
      ScrapeTarget target = scraper.target();
      long intervalNanos = target.interval().toNanos();
      long offset = offsetNanos(target, Duration.ofMillis(clock.millis()).toNanos());
      executor.scheduleAtFixedRate(
          () -> runOnce(scraper), offset, intervalNanos, TimeUnit.NANOSECONDS);
      LOG.info("scraping {} every {} (job {})", target.url(), target.interval(), target.job());
    }
  }

  /**
   * Nanoseconds until the target's first scrape: Prometheus's {@code Target.offset}, the target's
   * hash modulo the interval, measured from the start of the current interval.
   */
  static long offsetNanos(ScrapeTarget target, long nowNanos) {
    long interval = target.interval().toNanos();
    long base = interval - Math.floorMod(nowNanos, interval);
    long offset = Long.remainderUnsigned(target.key().asLong(), interval);
    long next = base + offset;
    return next > interval ? next - interval : next;
  }

  private void runOnce(TargetScraper scraper) {
    try {
      ScrapeBatch batch = scraper.scrape();
      publisher.publish(batch);
      listener.scraped(scraper.target(), batch.getReport());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.error("scrape of {} failed unexpectedly", scraper.target().url(), e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    executor.shutdownNow();
    if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
      LOG.warn("scrape threads did not stop within 10s");
    }
  }
}
