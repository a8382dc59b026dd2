package io.scrapestream.sink.consume;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * What the loop asks of the consumer about its lanes: pausing, positions, lag. Loop thread only.
 */
final class PartitionControl {
  private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(2);

  private final Consumer<String, byte[]> consumer;
  private final int maxPendingSamples;
  private final long maxWorkerPendingSamples;

  /**
   * @param maxPendingSamples samples one partition may hold read but uncommitted
   * @param maxWorkerPendingSamples samples all partitions together may hold
   */
  PartitionControl(
      Consumer<String, byte[]> consumer, int maxPendingSamples, long maxWorkerPendingSamples) {
    this.consumer = consumer;
    this.maxPendingSamples = maxPendingSamples;
    this.maxWorkerPendingSamples = maxWorkerPendingSamples;
  }

  /**
   * Pauses the partitions that hold {@code max_pending_samples} samples, back off (between the
   * loop's attempts or within the exporter's own retries), or reached their end — and every
   * partition while all together hold the worker's bound, so memory does not grow with the number
   * of partitions assigned; resumes the others. Polling goes on either way.
   */
  void pauseAndResume(Collection<Lane> lanes, Instant now) {
    Set<TopicPartition> wanted = new HashSet<>();
    Set<TopicPartition> owned = new HashSet<>();
    long pending = 0;
    for (Lane lane : lanes) {
      pending += lane.uncommittedSamples();
    }
    boolean workerFull = pending >= maxWorkerPendingSamples;
    for (Lane lane : lanes) {
      owned.add(lane.partition());
      if (workerFull
          || lane.uncommittedSamples() >= maxPendingSamples
          || lane.backingOff(now)
          || lane.retrying()
          || atEnd(lane)) {
        wanted.add(lane.partition());
      }
    }
    Set<TopicPartition> paused = consumer.paused();
    Set<TopicPartition> resume = new HashSet<>(paused);
    resume.removeAll(wanted);
    resume.retainAll(owned);
    wanted.removeAll(paused);
    if (!wanted.isEmpty()) {
      consumer.pause(wanted);
    }
    if (!resume.isEmpty()) {
      consumer.resume(resume);
    }
  }

  /** Whether a bounded lane's consumer position reached its end offset. */
  boolean atEnd(Lane lane) {
    if (lane.endOffset() == Long.MAX_VALUE) {
      return false;
    }
    try {
      return consumer.position(lane.partition(), BROKER_TIMEOUT) >= lane.endOffset();
    } catch (TimeoutException e) {
      return false;
    }
  }

  /** The lag of the lanes at {@code now}: end offsets from the broker, the rest from the lanes. */
  Lag lag(Collection<Lane> lanes, Instant now) {
    if (lanes.isEmpty()) {
      return new Lag(0, Duration.ZERO);
    }
    Set<TopicPartition> partitions = new HashSet<>();
    lanes.forEach(lane -> partitions.add(lane.partition()));
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, BROKER_TIMEOUT);
    List<Lag.Partition> facts = new ArrayList<>();
    for (Lane lane : lanes) {
      long first =
          lane.firstUncommittedOffset()
              .orElseGet(() -> consumer.position(lane.partition(), BROKER_TIMEOUT));
      facts.add(
          new Lag.Partition(
              ends.getOrDefault(lane.partition(), first), first, lane.oldestUncommittedMs()));
    }
    return Lag.of(facts, now);
  }
}
