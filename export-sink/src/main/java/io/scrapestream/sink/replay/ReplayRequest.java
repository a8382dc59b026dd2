package io.scrapestream.sink.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A time window of one topic to export again to one backend.
 *
 * @param backend the backend's name in the configuration
 * @param topic the topic to read, with its prefix ({@code samples.enriched} or {@code
 *     out.<backend>})
 * @param from the first record time of the window (Kafka record timestamps)
 * @param to the end of the window, exclusive; empty: the end of each partition when the replay
 *     starts
 * @param giveUpAfter how long the backend may keep failing (nothing committed) before the replay
 *     stops
 */
public record ReplayRequest(
    String backend, String topic, Instant from, Optional<Instant> to, Duration giveUpAfter) {
  public ReplayRequest {
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isPresent() && !to.get().isAfter(from)) {
      throw new InvalidReplayException(
          "--to: must be after --from (" + from + "). Found: " + to.get());
    }
    if (giveUpAfter == null || giveUpAfter.isNegative() || giveUpAfter.isZero()) {
      throw new InvalidReplayException("--give-up-after: must be positive. Found: " + giveUpAfter);
    }
  }
}
