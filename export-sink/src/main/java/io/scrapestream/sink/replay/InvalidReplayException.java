package io.scrapestream.sink.replay;

/** A replay that cannot start as asked: an unknown backend or topic, a window that is not one. */
public final class InvalidReplayException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidReplayException(String message) {
    super(message);
  }
}
