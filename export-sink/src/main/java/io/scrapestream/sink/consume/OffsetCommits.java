package io.scrapestream.sink.consume;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offsets of units acknowledged or dead-lettered and not yet committed, committed together at
 * most once per {@link #INTERVAL} (or at once on a rebalance, a drain, a replay's end). A commit
 * per finished unit cost the broker a request and an offsets-topic append each — 16–27 a second at
 * 200 targets — for a redelivery window shorter by under a second. Loop thread only.
 */
final class OffsetCommits {
  private static final Logger LOG = LoggerFactory.getLogger(OffsetCommits.class);

  /** The longest an acknowledged offset waits to be committed while the loop runs. */
  static final Duration INTERVAL = Duration.ofSeconds(1);

  private final WorkerParts parts;
  private final LoopCounters counters;
  private final Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
  private long lastCommitNanos = System.nanoTime() - INTERVAL.toNanos();

  OffsetCommits(WorkerParts parts, LoopCounters counters) {
    this.parts = parts;
    this.counters = counters;
  }

  /** Commits {@code offset} for {@code partition} with the next commit. */
  void add(TopicPartition partition, OffsetAndMetadata offset) {
    pending.put(partition, offset);
  }

  /** Drops the pending offsets of partitions this consumer lost (committing them would fail). */
  void forget(Collection<TopicPartition> partitions) {
    pending.keySet().removeAll(partitions);
  }

  boolean isEmpty() {
    return pending.isEmpty();
  }

  /** Commits the pending offsets when {@link #INTERVAL} has passed since the last commit. */
  void commitIfDue() {
    if (System.nanoTime() - lastCommitNanos >= INTERVAL.toNanos()) {
      commitNow();
    }
  }

  /** Commits the pending offsets; a failed commit is logged, its records will be read again. */
  void commitNow() {
    if (pending.isEmpty()) {
      return;
    }
    try {
      parts.consumer().commitSync(pending);
      counters.committed(pending, parts.clock().instant());
    } catch (WakeupException | InterruptException e) {
      throw e;
    } catch (KafkaException e) {
      LOG.warn(
          "[{}] commit of {} failed; those records will be read again",
          parts.exporter().backend(),
          pending,
          e);
    } finally {
      pending.clear();
      lastCommitNanos = System.nanoTime();
    }
  }
}
