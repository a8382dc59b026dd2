package io.scrapestream.enrich.staleness;

/** A value of the staleness store that this code cannot read (corrupt, or a newer format). */
public final class StateFormatException extends RuntimeException {
  public StateFormatException(String message) {
    super(message);
  }

  public StateFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
