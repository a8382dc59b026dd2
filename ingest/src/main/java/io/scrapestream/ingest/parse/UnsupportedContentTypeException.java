package io.scrapestream.ingest.parse;

/** A scrape response's {@code Content-Type} names no format we parse, and no fallback was set. */
public final class UnsupportedContentTypeException extends Exception {

  private static final long serialVersionUID = 1L;

  public UnsupportedContentTypeException(String message) {
    super(message);
  }
}
