package io.scrapestream.sink.bisect;

import java.util.Objects;

/** A piece the backend refused for good, and why. */
public record Rejection(Piece piece, String reason) {
  public Rejection {
    Objects.requireNonNull(piece, "piece");
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("reason: must not be blank. Found: " + reason);
    }
  }
}
