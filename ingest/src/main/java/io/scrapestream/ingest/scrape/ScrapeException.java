package io.scrapestream.ingest.scrape;

import java.util.Optional;

/** Why one scrape failed; the message goes into the scrape report as Prometheus would show it. */
public final class ScrapeException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient ScrapeLimitKind limit;

  public ScrapeException(String message) {
    this(message, null);
  }

  /** A scrape that failed because it exceeded {@code limit}. */
  public ScrapeException(String message, ScrapeLimitKind limit) {
    super(message);
    this.limit = limit;
  }

  /** The limit exceeded, when that is why the scrape failed. */
  public Optional<ScrapeLimitKind> limit() {
    return Optional.ofNullable(limit);
  }
}
