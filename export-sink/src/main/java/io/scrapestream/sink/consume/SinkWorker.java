package io.scrapestream.sink.consume;

import io.scrapestream.sink.Exporter;
import io.scrapestream.sink.SinkListener;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One backend's consumer in its group: subscribes to the topic and runs a {@link DeliveryLoop}
 * until closed, then sends what it holds once more, commits it and closes everything. A bug (an
 * exception out of the loop) stops the worker with an ERROR; nothing past the last commit is lost.
 */
public final class SinkWorker implements Runnable, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SinkWorker.class);
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

  private final WorkerParts parts;
  private final String topic;
  private final DeliveryLoop loop;
  private final AtomicBoolean running = new AtomicBoolean(true);

  /** A worker without self-metrics, on the system clock. */
  public SinkWorker(
      Consumer<String, byte[]> consumer,
      Exporter exporter,
      DeadLetterPublisher deadLetters,
      SinkOptions options) {
    this(
        new WorkerParts(consumer, exporter, deadLetters, SinkListener.NO_OP, Clock.systemUTC()),
        options);
  }

  public SinkWorker(WorkerParts parts, SinkOptions options) {
    this.parts = parts;
    this.topic = options.topic();
    this.loop = new DeliveryLoop(parts, options);
  }

  @Override
  public void run() {
    try (loop) {
      parts.consumer().subscribe(List.of(topic), loop.rebalanceListener());
      while (running.get()) {
        loop.pollOnce();
      }
      loop.drain(DRAIN_TIMEOUT);
    } catch (RuntimeException e) {
      LOG.error("[{}] sink stopped: {}", parts.exporter().backend(), e.getMessage(), e);
    }
  }

  /** Asks the worker to stop; {@link #run()} returns once it has drained and closed. */
  @Override
  public void close() {
    running.set(false);
  }
}
