package io.scrapestream.sink.replay;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a replay stands.
 *
 * @param records records read from the window so far
 * @param samples their samples
 * @param exported samples the backend acknowledged
 * @param fraction the part of the window committed, by offsets (0 to 1)
 * @param elapsed time since the replay started
 */
public record ReplayProgress(
    long records, long samples, long exported, double fraction, Duration elapsed) {
  public ReplayProgress {
    Objects.requireNonNull(elapsed, "elapsed");
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new IllegalArgumentException("fraction: must be between 0 and 1. Found: " + fraction);
    }
  }

  /**
   * The time left if the rest goes as fast as what is done: {@code elapsed * (1 - f) / f}; empty
   * before anything is done.
   */
  public Optional<Duration> eta() {
    if (fraction <= 0) {
      return Optional.empty();
    }
    return Optional.of(
        Duration.ofMillis(Math.round(elapsed.toMillis() * (1 - fraction) / fraction)));
  }
}
