package io.scrapestream.ingest.scrape;

/**
 * Thrown from inside a parse when a series is invalid after metric relabeling (no {@code
 * __name__}), to stop the parse at once; {@link TargetScraper} turns it into a failed scrape with
 * this message, as Prometheus fails the scrape. It never leaves this package.
 */
final class InvalidSeriesException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  InvalidSeriesException(String message) {
    super(message, null, false, false);
  }
}
