package io.scrapestream.ingest.scrape;

import io.scrapestream.core.target.ScrapeTarget;
import io.scrapestream.ingest.publish.PublishFailure;
import io.scrapestream.schemas.v1.ScrapeReport;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers every event, in order, as short strings such as {@code limit body_size}. */
final class RecordingListener implements ScrapeListener {
  final List<String> events = new CopyOnWriteArrayList<>();
  final List<ScrapeReport> reports = new CopyOnWriteArrayList<>();

  @Override
  public void scraped(ScrapeTarget target, ScrapeReport report) {
    reports.add(report);
    events.add("scraped " + (report.getUp() ? "up" : "down"));
  }

  @Override
  public void limitExceeded(ScrapeTarget target, ScrapeLimitKind kind) {
    events.add("limit " + kind.label());
  }

  @Override
  public void samplesDropped(ScrapeTarget target, DroppedSampleReason reason, int count) {
    events.add("dropped " + reason.label() + " " + count);
  }

  @Override
  public void published(Duration latency, Optional<PublishFailure> failure) {
    events.add("published " + failure.map(PublishFailure::label).orElse("ok"));
  }
}
