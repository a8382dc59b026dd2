package io.scrapestream.ingest.scrape;

import io.scrapestream.core.target.ScrapeTarget;
import io.scrapestream.schemas.v1.ScrapeReport;

/** Told about every finished scrape (self-metrics, status line, tests). Must be thread-safe. */
public interface ScrapeListener {
  ScrapeListener NO_OP = (target, report) -> {};

  void scraped(ScrapeTarget target, ScrapeReport report);

  /** This listener, then {@code other}. */
  default ScrapeListener andThen(ScrapeListener other) {
    return (target, report) -> {
      scraped(target, report);
      other.scraped(target, report);
    };
  }
}
