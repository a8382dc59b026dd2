package io.scrapestream.sink.bisect;

import io.scrapestream.sink.ExportOutcome;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of the pieces of one export.
 *
 * @param samples the samples the backend acknowledged
 * @param rejected the smallest pieces the backend refused for good, in order
 * @param unsent the pieces not exported yet because the backend failed transiently, in order; empty
 *     unless {@code retry} is present
 * @param retry the retryable outcome that stopped the export
 * @param requests the requests sent
 */
public record BisectResult(
    long samples,
    List<Rejection> rejected,
    List<Piece> unsent,
    Optional<ExportOutcome.Retryable> retry,
    int requests) {
  public BisectResult {
    if (samples < 0 || requests < 0) {
      throw new IllegalArgumentException(
          "samples and requests: must be >= 0. Found: " + samples + ", " + requests);
    }
    rejected = List.copyOf(rejected);
    unsent = List.copyOf(unsent);
    Objects.requireNonNull(retry, "retry");
    if (retry.isEmpty() && !unsent.isEmpty()) {
      throw new IllegalArgumentException(
          "unsent: must be empty when nothing is retryable. Found: " + unsent.size() + " pieces");
    }
  }

  /** No piece to send: nothing done, nothing failed. */
  public static BisectResult nothingToSend() {
    return new BisectResult(0, List.of(), List.of(), Optional.empty(), 0);
  }

  /** Every piece was acknowledged or refused for good. */
  public boolean finished() {
    return retry.isEmpty();
  }
}
