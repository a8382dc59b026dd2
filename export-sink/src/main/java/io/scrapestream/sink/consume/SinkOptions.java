package io.scrapestream.sink.consume;

import io.scrapestream.core.config.BatchSettings;
import java.util.Objects;

/**
 * What one sink worker consumes and how it batches.
 *
 * @param topic the topic to consume ({@code samples.enriched} or {@code out.<backend>})
 * @param batch export when this many samples are pending, or when the oldest is this old
 */
public record SinkOptions(String topic, BatchSettings batch) {
  public SinkOptions {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(batch, "batch");
  }
}
