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
 *     partition is paused
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

  /** No lower bound, 10m ahead at most, 4 partitions in flight, 100000 samples read ahead. */
  public static DeliverySettings defaults() {
    return new DeliverySettings(
        DEFAULT_DROP_OLDER_THAN,
        DEFAULT_DROP_NEWER_THAN,
        DEFAULT_MAX_IN_FLIGHT,
        DEFAULT_MAX_PENDING_SAMPLES);
  }
}
