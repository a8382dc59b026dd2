package io.scrapestream.sink.replay;

import io.scrapestream.sink.DropReason;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How a replay ended.
 *
 * @param completed true when every partition reached its end; false when the backend kept failing
 *     for {@code --give-up-after}
 * @param groupId the replay's own consumer group (its committed offsets show how far it got)
 * @param records records read from the window
 * @param samples their samples
 * @param exported samples the backend acknowledged
 * @param deadLetters records written to {@code dlq.<backend>}
 * @param rejected samples of those records the backend refused
 * @param dropped samples left out, by reason
 * @param duration how long the replay ran
 */
public record ReplayResult(
    boolean completed,
    String groupId,
    long records,
    long samples,
    long exported,
    long deadLetters,
    long rejected,
    Map<DropReason, Long> dropped,
    Duration duration) {
  public ReplayResult {
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(duration, "duration");
    dropped = DropReason.ordered(dropped);
  }
}
