package io.scrapestream.ingest.publish;

import java.time.Duration;
import java.util.Optional;

/**
 * Told about every batch the producer finished with (self-metrics). Must be thread-safe: it is
 * called on the Kafka producer's I/O thread, so it must also be quick.
 */
public interface PublishListener {
  PublishListener NO_OP = (latency, failure) -> {};

  /**
   * A batch was acknowledged, or failed after the producer's own retries.
   *
   * @param latency from {@code publish} to the broker's answer
   * @param failure why it failed, empty when acknowledged
   */
  void published(Duration latency, Optional<PublishFailure> failure);
}
