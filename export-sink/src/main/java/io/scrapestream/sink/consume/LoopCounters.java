package io.scrapestream.sink.consume;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What a delivery loop has read and committed, for a replay's progress. Written by the loop thread,
 * readable from others.
 */
public final class LoopCounters {
  private final Map<TopicPartition, Long> committed = new ConcurrentHashMap<>();
  private volatile long records;
  private volatile long samples;
  private volatile Instant lastCommit;

  LoopCounters(Instant start) {
    this.lastCommit = start;
  }

  void read(int recordSamples) {
    records++;
    samples += recordSamples;
  }

  void committed(Map<TopicPartition, OffsetAndMetadata> offsets, Instant now) {
    offsets.forEach((partition, offset) -> committed.put(partition, offset.offset()));
    lastCommit = now;
  }

  /** Records read (within the bounds, if any), including those read again after a failure. */
  public long records() {
    return records;
  }

  /** Samples of the records read. */
  public long samples() {
    return samples;
  }

  /** The next offset to read of each partition, as last committed by this loop. */
  public Map<TopicPartition, Long> committed() {
    return Map.copyOf(committed);
  }

  /** When this loop last committed, or when it started. */
  public Instant lastCommit() {
    return lastCommit;
  }
}
