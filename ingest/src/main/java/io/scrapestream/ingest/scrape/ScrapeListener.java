package io.scrapestream.ingest.scrape;

import io.scrapestream.core.target.ScrapeTarget;
import io.scrapestream.ingest.publish.PublishFailure;
import io.scrapestream.ingest.publish.PublishListener;
import io.scrapestream.schemas.v1.ScrapeReport;
import java.time.Duration;
import java.util.Optional;

/**
 * Told about every finished scrape, the limits scrapes exceeded, the samples dropped from kept
 * scrapes, the scrapes skipped under back-pressure, and the publishing of batches (self-metrics,
 * status line, tests). Must be thread-safe.
 */
public interface ScrapeListener extends PublishListener {
  ScrapeListener NO_OP = (target, report) -> {};

  void scraped(ScrapeTarget target, ScrapeReport report);

  /** A scrape of {@code target} failed because it exceeded a limit. */
  default void limitExceeded(ScrapeTarget target, ScrapeLimitKind kind) {}

  /** A kept scrape of {@code target} dropped {@code count} samples, for {@code reason}. */
  default void samplesDropped(ScrapeTarget target, DroppedSampleReason reason, int count) {}

  /** A due scrape of {@code target} was skipped, or its batch dropped, for {@code reason}. */
  default void scrapeSkipped(ScrapeTarget target, ScrapeSkipReason reason) {}

  @Override
  default void published(Duration latency, Optional<PublishFailure> failure) {}

  /** This listener, then {@code other}, for every event. */
  default ScrapeListener andThen(ScrapeListener other) {
    ScrapeListener first = this;
    return new ScrapeListener() {
      @Override
      public void scraped(ScrapeTarget target, ScrapeReport report) {
        first.scraped(target, report);
        other.scraped(target, report);
      }

      @Override
      public void limitExceeded(ScrapeTarget target, ScrapeLimitKind kind) {
        first.limitExceeded(target, kind);
        other.limitExceeded(target, kind);
      }

      @Override
      public void samplesDropped(ScrapeTarget target, DroppedSampleReason reason, int count) {
        first.samplesDropped(target, reason, count);
        other.samplesDropped(target, reason, count);
      }

      @Override
      public void scrapeSkipped(ScrapeTarget target, ScrapeSkipReason reason) {
        first.scrapeSkipped(target, reason);
        other.scrapeSkipped(target, reason);
      }

      @Override
      public void published(Duration latency, Optional<PublishFailure> failure) {
        first.published(latency, failure);
        other.published(latency, failure);
      }
    };
  }
}
