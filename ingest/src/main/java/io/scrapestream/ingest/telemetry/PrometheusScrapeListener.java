package io.scrapestream.ingest.telemetry;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.scrapestream.core.target.ScrapeTarget;
import io.scrapestream.ingest.scrape.ScrapeListener;
import io.scrapestream.schemas.v1.ScrapeReport;

/** The scraper's self-metrics. Labels come from closed sets only (never target URLs). */
public final class PrometheusScrapeListener implements ScrapeListener {
  private final Counter scrapes;
  private final Counter samples;
  private final Counter bytes;
  private final Histogram duration;

  public PrometheusScrapeListener(PrometheusRegistry registry) {
    scrapes =
        Counter.builder()
            .name("scrapestream_scraper_scrapes_total")
            .help("Scrapes by outcome (success or failure).")
            .labelNames("outcome")
            .register(registry);
    samples =
        Counter.builder()
            .name("scrapestream_scraper_samples_total")
            .help("Samples scraped, synthetic series not included.")
            .register(registry);
    bytes =
        Counter.builder()
            .name("scrapestream_scraper_body_bytes_total")
            .help("Bytes of scrape bodies after decompression.")
            .register(registry);
    duration =
        Histogram.builder()
            .name("scrapestream_scraper_scrape_duration_seconds")
            .help("How long scrapes took, body read and parse included.")
            .register(registry);
  }

  @Override
  public void scraped(ScrapeTarget target, ScrapeReport report) {
    scrapes.labelValues(report.getUp() ? "success" : "failure").inc();
    samples.inc(report.getSamplesScraped());
    bytes.inc(report.getBodyBytes());
    duration.observe(report.getDurationSeconds());
  }
}
