package io.scrapestream.enrich.topology;

import java.time.Duration;

/**
 * Told what the enrichment topology does, for self-metrics and tests. Called from stream threads:
 * implementations must be thread-safe and cheap (once per batch, never per sample).
 */
public interface EnrichListener {
  EnrichListener NO_OP = new EnrichListener() {};

  /** A batch of {@code samples} series (stale markers included) was written to samples.enriched. */
  default void batchWritten(int samples) {}

  /** A batch was looked up in the Kubernetes metadata: {@code hit} when its pod was found. */
  default void kubernetesLookup(boolean hit) {}

  /** Stale markers were written (for disappeared series or a gone target). */
  default void staleMarkers(int count) {}

  /** A record went to the dead-letter topic. */
  default void deadLettered(DeadLetterReason reason) {}

  /** {@code samples} of a batch met {@code outcome} in {@code backend}'s transform branch. */
  default void transformed(String backend, TransformOutcome outcome, int samples) {}

  /**
   * The punctuator looked for gone targets, {@code lag} after it was due, and found {@code
   * goneTargets}.
   */
  default void punctuated(Duration lag, int goneTargets) {}
}
