package io.scrapestream.ingest.scrape;

import io.scrapestream.core.config.ScrapeFormat;
import io.scrapestream.core.config.ScrapeLimits;
import java.time.Clock;
import java.util.Objects;

/**
 * What every target of one job shares (Prometheus's scrape pool): the HTTP client built from the
 * job's {@code http_config}, its limits and format settings, where scrape events go, the clock that
 * stamps scrapes, the id of this scraper, and its {@code metric_relabel_configs}.
 */
public record ScrapeJob(
    ScrapeClient client,
    ScrapeLimits limits,
    ScrapeFormat format,
    ScrapeListener listener,
    Clock clock,
    String scraperId,
    MetricRelabeling metricRelabeling) {
  public ScrapeJob {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(scraperId, "scraperId");
    Objects.requireNonNull(metricRelabeling, "metricRelabeling");
  }

  /** A job without {@code metric_relabel_configs}. */
  public ScrapeJob(
      ScrapeClient client,
      ScrapeLimits limits,
      ScrapeFormat format,
      ScrapeListener listener,
      Clock clock,
      String scraperId) {
    this(client, limits, format, listener, clock, scraperId, MetricRelabeling.NONE);
  }
}
