package io.scrapestream.core.config;

import java.time.Duration;

/** How a backend's sink batches: at most this many samples, or what arrived within this delay. */
public record BatchSettings(int maxSamples, Duration maxDelay) {
  public static final int DEFAULT_MAX_SAMPLES = 5000;
  public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(1);

  public BatchSettings {
    ConfigRules.require("maxSamples", maxSamples, ConfigRules.POSITIVE_INT);
    ConfigRules.require("maxDelay", maxDelay, ConfigRules.POSITIVE_DURATION);
  }

  /** 5000 samples, 1s. */
  public static BatchSettings defaults() {
    return new BatchSettings(DEFAULT_MAX_SAMPLES, DEFAULT_MAX_DELAY);
  }
}
