package io.scrapestream.ingest.scrape;

/**
 * Thrown from inside a parse when a series breaks a label limit, to stop the parse at once (the
 * parsers' visitor interface cannot throw checked exceptions). {@link TargetScraper} turns it into
 * a failed scrape; it never leaves this package.
 */
final class ScrapeLimitExceededException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient ScrapeLimitKind kind;

  ScrapeLimitExceededException(String message, ScrapeLimitKind kind) {
    super(message, null, false, false);
    this.kind = kind;
  }

  ScrapeLimitKind kind() {
    return kind;
  }
}
