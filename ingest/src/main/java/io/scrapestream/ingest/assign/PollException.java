package io.scrapestream.ingest.assign;

import java.util.Objects;

/** A poll, or the part of it for one job or target, failed for {@link #reason()}. */
public final class PollException extends Exception {
  private static final long serialVersionUID = 1L;

  private final PollFailure reason;

  public PollException(PollFailure reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public PollFailure reason() {
    return reason;
  }
}
