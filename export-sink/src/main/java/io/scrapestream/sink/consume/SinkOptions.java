package io.scrapestream.sink.consume;

import io.scrapestream.core.config.BatchSettings;
import io.scrapestream.core.config.DeliverySettings;
import java.util.Objects;

/**
 * What one sink worker consumes, how it batches and how it delivers.
 *
 * @param topic the topic to consume ({@code samples.enriched} or {@code out.<backend>})
 * @param batch export a partition's records when this many samples are waiting, or when the oldest
 *     has waited this long
 * @param delivery drop windows, partitions in flight, samples read ahead per partition
 */
public record SinkOptions(String topic, BatchSettings batch, DeliverySettings delivery) {
  public SinkOptions {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(batch, "batch");
    Objects.requireNonNull(delivery, "delivery");
  }

  /** Options with the default delivery settings. */
  public SinkOptions(String topic, BatchSettings batch) {
    this(topic, batch, DeliverySettings.defaults());
  }
}
