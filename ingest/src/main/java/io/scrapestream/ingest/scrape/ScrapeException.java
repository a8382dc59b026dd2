package io.scrapestream.ingest.scrape;

/** Why one scrape failed; the message goes into the scrape report as Prometheus would show it. */
public final class ScrapeException extends Exception {
  private static final long serialVersionUID = 1L;

  public ScrapeException(String message) {
    super(message);
  }
}
