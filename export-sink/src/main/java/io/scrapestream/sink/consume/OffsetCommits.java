package io.scrapestream.sink.consume;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offsets of units acknowledged or dead-lettered and not yet committed, committed together:
 * once {@link #INTERVAL} passed since the last commit, as soon as a partition finishes a second
 * unit while its first is not committed yet, and at once on a rebalance, a drain, a replay's end.
 * So a partition never holds more than one acknowledged unit uncommitted besides the one in flight
 * — the redelivery bound of a commit per unit — while one commit covers every partition. A commit
 * per finished unit cost the broker a request and an offsets-topic append each, 16–27 a second at
 * 200 targets. Loop thread only.
 */
final class OffsetCommits {
  private static final Logger LOG = LoggerFactory.getLogger(OffsetCommits.class);

  /** The longest an acknowledged offset waits to be committed while the loop runs. */
  static final Duration INTERVAL = Duration.ofSeconds(1);

  private final Consumer<String, byte[]> consumer;
  private final String backend;
  private final Clock clock;
  private final LoopCounters counters;
  private final Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
  private long lastCommitNanos = System.nanoTime() - INTERVAL.toNanos();

  OffsetCommits(
      Consumer<String, byte[]> consumer, String backend, Clock clock, LoopCounters counters) {
    this.consumer = consumer;
    this.backend = backend;
    this.clock = clock;
    this.counters = counters;
  }

  /**
   * Commits {@code offset} for {@code partition} with the next commit; at once when the partition
   * already had an offset waiting (its second acknowledged unit).
   */
  void add(TopicPartition partition, OffsetAndMetadata offset) {
    boolean second = pending.put(partition, offset) != null;
    if (second) {
      commitNow();
    }
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
      consumer.commitSync(pending);
      counters.committed(pending, clock.instant());
    } catch (WakeupException | InterruptException e) {
      throw e;
    } catch (KafkaException e) {
      LOG.warn("[{}] commit of {} failed; those records will be read again", backend, pending, e);
    } finally {
      pending.clear();
      lastCommitNanos = System.nanoTime();
    }
  }
}
