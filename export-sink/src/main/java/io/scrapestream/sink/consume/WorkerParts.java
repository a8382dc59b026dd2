package io.scrapestream.sink.consume;

import io.scrapestream.sink.Exporter;
import io.scrapestream.sink.SinkListener;
import java.time.Clock;
import java.util.Objects;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * What a sink's delivery loop works with; it owns and closes the consumer, the exporter and the
 * dead-letter publisher.
 *
 * @param consumer reads the records; used by the loop's thread only
 * @param exporter sends them (with its retry decorator); called from several threads at once
 * @param deadLetters stores what the backend refused for good
 * @param listener receives the self-metric events
 * @param clock the time of batch ages, drop windows, back-offs and lag
 */
public record WorkerParts(
    Consumer<String, byte[]> consumer,
    Exporter exporter,
    DeadLetterPublisher deadLetters,
    SinkListener listener,
    Clock clock) {
  public WorkerParts {
    Objects.requireNonNull(consumer, "consumer");
    Objects.requireNonNull(exporter, "exporter");
    Objects.requireNonNull(deadLetters, "deadLetters");
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(clock, "clock");
  }
}
