package io.scrapestream.ingest.scrape;

import io.scrapestream.core.target.ScrapeTarget;
import io.scrapestream.ingest.publish.BatchChunker;
import io.scrapestream.ingest.publish.BatchPublisher;
import io.scrapestream.ingest.publish.EncodedBatch;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
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

  /** How long {@link #close()} lets a scrape under way finish before interrupting it. */
  static final Duration CLOSE_GRACE = Duration.ofSeconds(10);

  private final ScheduledExecutorService executor;
  private final BatchPublisher publisher;
  private final ScrapeListener listener;
  private final Clock clock;
  private final BatchChunker chunker;
  private final Map<String, Running> running = new HashMap<>();

  /** A scheduler that chunks batches above {@link BatchChunker#DEFAULT_MAX_BATCH_BYTES}. */
  public ScrapeScheduler(
      BatchPublisher publisher, ScrapeListener listener, Clock clock, int threads) {
    this(
        publisher,
        listener,
        clock,
        threads,
        new BatchChunker(BatchChunker.DEFAULT_MAX_BATCH_BYTES));
  }

  public ScrapeScheduler(
      BatchPublisher publisher,
      ScrapeListener listener,
      Clock clock,
      int threads,
      BatchChunker chunker) {
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
    this.chunker = chunker;
  }

  /** Starts scraping these targets, besides those already scheduled. */
  public synchronized void schedule(List<TargetScraper> scrapers) {
    for (TargetScraper scraper : scrapers) {
      start(scraper);
    }
  }

  /**
   * Makes {@code scrapers} the whole assignment: a target that stays (same key, same settings, an
   * equal {@link ScrapeJob}, the same forced error) keeps its schedule slot and scraper; a removed
   * or changed one stops at once (a scrape under way finishes); a new one starts at its hash
   * offset.
   */
  public synchronized void assign(List<TargetScraper> scrapers) {
    Map<String, TargetScraper> wanted = new LinkedHashMap<>();
    scrapers.forEach(scraper -> wanted.put(scraper.target().key().value(), scraper));
    running
        .entrySet()
        .removeIf(
            entry -> {
              TargetScraper next = wanted.get(entry.getKey());
              TargetScraper current = entry.getValue().scraper();
              boolean keep =
                  next != null
                      && next.target().equals(current.target())
                      && next.job().equals(current.job())
                      && next.forcedError().equals(current.forcedError());
              if (!keep) {
                entry.getValue().future().cancel(false);
                LOG.info("stopped scraping {}", current.target().url());
              }
              return !keep;
            });
    wanted.values().stream()
        .filter(s -> !running.containsKey(s.target().key().value()))
        .forEach(this::start);
  }

  /** The keys of the targets scheduled now. */
  public synchronized Set<String> scheduledKeys() {
    return Set.copyOf(running.keySet());
  }

  /** The schedule of a target, for tests. */
  synchronized Optional<ScheduledFuture<?>> scheduleOf(String key) {
    return Optional.ofNullable(running.get(key)).map(Running::future);
  }

  private void start(TargetScraper scraper) {
    ScrapeTarget target = scraper.target();
    long intervalNanos = target.interval().toNanos();
    long offset = offsetNanos(target, Duration.ofMillis(clock.millis()).toNanos());
    MissedTicks ticks = new MissedTicks(intervalNanos);
    ScheduledFuture<?> future =
        executor.scheduleAtFixedRate(
            () -> {
              if (ticks.onTime(System.nanoTime())) {
                runOnce(scraper);
              }
            },
            offset,
            intervalNanos,
            TimeUnit.NANOSECONDS);
    Running previous = running.put(target.key().value(), new Running(scraper, future));
    if (previous != null) {
      previous.future().cancel(false);
    }
    LOG.info("scraping {} every {} (job {})", target.url(), target.interval(), target.job());
  }

  private record Running(TargetScraper scraper, ScheduledFuture<?> future) {}

  /**
   * Drops the runs a fixed-rate schedule fires back to back after a stall (GC, load), as
   * Prometheus's ticker does: a run that comes less than half an interval after the previous one is
   * a catch-up and is skipped, so a target is never scraped faster than its interval.
   */
  static final class MissedTicks {
    private final long intervalNanos;
    private long last = Long.MIN_VALUE;

    MissedTicks(long intervalNanos) {
      this.intervalNanos = intervalNanos;
    }

    /** Whether a run starting at {@code nowNanos} is on schedule (and remembers it if so). */
    synchronized boolean onTime(long nowNanos) {
      if (last != Long.MIN_VALUE && nowNanos - last < intervalNanos / 2) {
        return false;
      }
      last = nowNanos;
      return true;
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

  /**
   * Scrapes and publishes once; skips the scrape (and counts it) while the publisher is at its
   * bound of unacknowledged batches, so that an unreachable Kafka never grows memory.
   */
  void runOnce(TargetScraper scraper) {
    ScrapeTarget target = scraper.target();
    try {
      if (!publisher.hasRoom()) {
        listener.scrapeSkipped(target, ScrapeSkipReason.BACKPRESSURE);
        return;
      }
      TargetScraper.Scraped scraped = scraper.scrapeEncoded();
      if (!publish(chunker.split(scraped.batch(), TargetScraper.SYNTHETIC_SERIES))) {
        listener.scrapeSkipped(target, ScrapeSkipReason.BACKPRESSURE);
      }
      listener.scraped(target, scraped.report());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.error("scrape of {} failed unexpectedly", target.url(), e);
    }
  }

  /** Publishes the chunks of one scrape in order; false when back-pressure refused one. */
  private boolean publish(List<EncodedBatch> chunks) {
    for (EncodedBatch chunk : chunks) {
      if (!publisher.publish(chunk)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Stops scheduling scrapes. A scrape under way may finish and publish its batch within {@link
   * #CLOSE_GRACE} (its own deadline is scrape_timeout); after that it is interrupted.
   */
  @Override
  public void close() throws InterruptedException {
    executor.shutdown();
    if (executor.awaitTermination(CLOSE_GRACE.toNanos(), TimeUnit.NANOSECONDS)) {
      return;
    }
    LOG.warn("scrapes under way did not end within {}; interrupting them", CLOSE_GRACE);
    executor.shutdownNow();
    if (!executor.awaitTermination(CLOSE_GRACE.toNanos(), TimeUnit.NANOSECONDS)) {
      LOG.warn("scrape threads did not stop within {} of the interrupt", CLOSE_GRACE);
    }
  }
}
