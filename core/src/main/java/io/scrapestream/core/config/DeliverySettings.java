package io.scrapestream.core.config;

import java.time.Duration;

/**
 * How a backend's sink delivers, beyond batching: which samples it drops as out of the backend's
 * window, how many partitions it exports at once, and how much it reads ahead per partition.
 *
 * @param dropOlderThan samples older than this are dropped before sending; zero turns it off
 * @param dropNewerThan samples further than this in the future are dropped; zero turns it off
 * @param maxInFlight partitions exported in parallel (one request in flight per partition)
 * @param maxPendingSamples samples of one partition read but not yet committed, beyond which the
 *     partition is paused; all partitions together may hold {@link #maxWorkerPendingSamples()}
 */
public record DeliverySettings(
    Duration dropOlderThan, Duration dropNewerThan, int maxInFlight, int maxPendingSamples) {
  public static final Duration DEFAULT_DROP_OLDER_THAN = Duration.ZERO;
  public static final Duration DEFAULT_DROP_NEWER_THAN = Duration.ofMinutes(10);
  public static final int DEFAULT_MAX_IN_FLIGHT = 4;
  public static final int DEFAULT_MAX_PENDING_SAMPLES = 100_000;

  public DeliverySettings {
    ConfigRules.require("dropOlderThan", dropOlderThan, ConfigRules.NOT_NEGATIVE_DURATION);
    ConfigRules.require("dropNewerThan", dropNewerThan, ConfigRules.NOT_NEGATIVE_DURATION);
    ConfigRules.require("maxInFlight", maxInFlight, ConfigRules.POSITIVE_INT);
    ConfigRules.require("maxPendingSamples", maxPendingSamples, ConfigRules.POSITIVE_INT);
  }

  /**
   * Samples all partitions of one worker together may hold read but not yet committed, beyond which
   * every partition is paused: {@code max_pending_samples} for each partition that can export at
   * once ({@code max_in_flight}). Reading further ahead on more partitions would not export faster,
   * and it made memory grow with the partitions assigned (12 partitions x 100000 samples ran a sink
   * at -Xmx512m out of memory while it drained a backlog).
   */
  public long maxWorkerPendingSamples() {
    return (long) maxPendingSamples * maxInFlight;
  }

  /** No lower bound, 10m ahead at most, 4 partitions in flight, 100000 samples read ahead. */
  public static DeliverySettings defaults() {
    return new DeliverySettings(
        DEFAULT_DROP_OLDER_THAN,
        DEFAULT_DROP_NEWER_THAN,
        DEFAULT_MAX_IN_FLIGHT,
        DEFAULT_MAX_PENDING_SAMPLES);
  }
}
