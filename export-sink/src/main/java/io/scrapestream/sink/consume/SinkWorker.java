package io.scrapestream.sink.consume;

import com.google.protobuf.InvalidProtocolBufferException;
import io.scrapestream.core.config.BatchSettings;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.sink.ExportOutcome;
import io.scrapestream.sink.Exporter;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commit loop of one backend's consumer: poll, batch by samples and time, export, and commit
 * offsets only after the backend acknowledged (or a rejected record went to the dead-letter topic).
 * While the backend fails, consumption is paused and polling goes on, so the group stays stable and
 * memory stays bounded; nothing is skipped.
 */
public final class SinkWorker implements Runnable, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SinkWorker.class);

  private final Consumer<String, byte[]> consumer;
  private final Exporter exporter;
  private final DeadLetterPublisher deadLetters;
  private final BatchSettings batching;
  private final String topic;
  private final PendingBatches pending = new PendingBatches();
  private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
  private final AtomicBoolean running = new AtomicBoolean(true);
  private volatile long retryAtNanos;

  public SinkWorker(
      Consumer<String, byte[]> consumer,
      Exporter exporter,
      DeadLetterPublisher deadLetters,
      SinkOptions options) {
    this.consumer = consumer;
    this.exporter = exporter;
    this.deadLetters = deadLetters;
    this.batching = options.batch();
    this.topic = options.topic();
  }

  @Override
  public void run() {
    consumer.subscribe(List.of(topic), new Rebalance());
    try {
      while (running.get()) {
        pollOnce();
        if (dueForExport()) {
          export();
        }
      }
      if (!pending.isEmpty() || pending.hasOffsets()) {
        export();
      }
    } catch (WakeupException e) {
      if (running.get()) {
        throw e;
      }
    } finally {
      consumer.close(Duration.ofSeconds(10));
      deadLetters.close();
      exporter.close();
    }
  }

  private void pollOnce() {
    if (pending.isEmpty() && System.nanoTime() - retryAtNanos >= 0) {
      consumer.resume(consumer.paused());
    }
    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
      TopicPartition partition = new TopicPartition(record.topic(), record.partition());
      try {
        pending.add(ScrapeBatch.parseFrom(record.value()), partition, record.offset());
      } catch (InvalidProtocolBufferException | NullPointerException e) {
        deadLetters.publish(record, e);
        pending.markDone(partition, record.offset());
      }
    }
    if (pending.samples() >= batching.maxSamples()) {
      consumer.pause(consumer.assignment());
    }
  }

  private boolean dueForExport() {
    if (System.nanoTime() - retryAtNanos < 0) {
      return false;
    }
    return pending.samples() >= batching.maxSamples()
        || pending.ageNanos() >= batching.maxDelay().toNanos()
        || (pending.isEmpty() && pending.hasOffsets());
  }

  private void export() {
    ExportOutcome outcome =
        pending.isEmpty() ? new ExportOutcome.Success(0) : exporter.export(pending.batches());
    if (outcome instanceof ExportOutcome.Rejected rejected) {
      LOG.warn(
          "backend {} rejected {} batches, sending them to the dead-letter topic: {}",
          exporter.backend(),
          pending.batches().size(),
          rejected.reason());
      pending.batches().forEach(batch -> deadLetters.publishRejected(batch, rejected.reason()));
      acknowledge();
    } else if (outcome instanceof ExportOutcome.PartiallyRejected partial) {
      deadLetter(partial);
      acknowledge();
    } else if (outcome instanceof ExportOutcome.Retryable retryable) {
      Duration wait = retryable.retryAfter().orElseGet(backoff::next);
      LOG.warn(
          "backend {} unavailable ({}); consumption paused, retrying in {}",
          exporter.backend(),
          retryable.reason(),
          wait);
      consumer.pause(consumer.assignment());
      retryAtNanos = System.nanoTime() + wait.toNanos();
    } else {
      acknowledge();
    }
  }

  /** Dead-letters just the batches the backend refused for good; the rest were stored. */
  private void deadLetter(ExportOutcome.PartiallyRejected partial) {
    LOG.warn(
        "backend {} rejected {} of {} batches, sending them to the dead-letter topic: {}",
        exporter.backend(),
        partial.rejectedBatches().size(),
        pending.batches().size(),
        partial.rejectedBatches().values().iterator().next());
    partial
        .rejectedBatches()
        .forEach(
            (index, reason) -> deadLetters.publishRejected(pending.batches().get(index), reason));
  }

  private void acknowledge() {
    try {
      deadLetters.flush();
    } catch (IllegalStateException e) {
      LOG.warn(
          "backend {}: dead letters not stored; reading again from the last commit",
          exporter.backend(),
          e);
      rewind();
      return;
    }
    consumer.commitSync(pending.offsets());
    pending.clear();
    backoff.reset();
    retryAtNanos = System.nanoTime();
    consumer.resume(consumer.paused());
  }

  /** Goes back to the committed offsets, so nothing past them is lost, and waits a while. */
  private void rewind() {
    Set<TopicPartition> assigned = consumer.assignment();
    consumer
        .committed(assigned)
        .forEach(
            (partition, committed) -> {
              if (committed == null) {
                consumer.seekToBeginning(List.of(partition));
              } else {
                consumer.seek(partition, committed.offset());
              }
            });
    pending.clear();
    consumer.pause(assigned);
    retryAtNanos = System.nanoTime() + backoff.next().toNanos();
  }

  @Override
  public void close() {
    running.set(false);
  }

  /** Drops what was read from partitions that move to another consumer: it reads them again. */
  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      pending.forget(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      if (System.nanoTime() - retryAtNanos < 0 || pending.samples() >= batching.maxSamples()) {
        consumer.pause(partitions);
      }
    }
  }
}
