package io.scrapestream.sink.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * The offsets of a time window, per partition: from the first record at or after {@code from}
 * ({@code offsetsForTimes}) up to, exclusive, the first record at or after {@code to} — or the end
 * of the partition when the replay starts. A partition without such a record has an empty window.
 */
public record ReplayWindow(Map<TopicPartition, Long> starts, Map<TopicPartition, Long> ends) {
  private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(30);

  public ReplayWindow {
    starts = Map.copyOf(starts);
    ends = Map.copyOf(ends);
    if (!starts.keySet().equals(ends.keySet())) {
      throw new IllegalArgumentException(
          "starts and ends: must name the same partitions. Found: "
              + starts.keySet()
              + " and "
              + ends.keySet());
    }
  }

  /** Asks the broker for the window's offsets of every partition of {@code topic}. */
  static ReplayWindow of(
      Consumer<?, ?> consumer, String topic, Instant from, Optional<Instant> to) {
    List<PartitionInfo> infos = consumer.partitionsFor(topic, BROKER_TIMEOUT);
    if (infos == null || infos.isEmpty()) {
      throw new InvalidReplayException("--topic: no such topic in the cluster. Found: " + topic);
    }
    List<TopicPartition> partitions =
        infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    Map<TopicPartition, Long> logEnds = consumer.endOffsets(partitions, BROKER_TIMEOUT);
    Map<TopicPartition, Long> ends =
        to.isEmpty() ? logEnds : offsetsAt(consumer, partitions, to.get(), logEnds);
    Map<TopicPartition, Long> starts = new HashMap<>();
    offsetsAt(consumer, partitions, from, logEnds)
        .forEach((tp, start) -> starts.put(tp, Math.min(start, ends.get(tp))));
    return new ReplayWindow(starts, ends);
  }

  private static Map<TopicPartition, Long> offsetsAt(
      Consumer<?, ?> consumer,
      List<TopicPartition> partitions,
      Instant time,
      Map<TopicPartition, Long> logEnds) {
    Map<TopicPartition, Long> query = new HashMap<>();
    partitions.forEach(tp -> query.put(tp, time.toEpochMilli()));
    Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, BROKER_TIMEOUT);
    Map<TopicPartition, Long> offsets = new HashMap<>();
    for (TopicPartition tp : partitions) {
      OffsetAndTimestamp offset = found.get(tp);
      offsets.put(tp, offset == null ? logEnds.get(tp) : offset.offset());
    }
    return offsets;
  }

  /** The records of the window, by offsets (transaction markers included). */
  public long total() {
    long total = 0;
    for (Map.Entry<TopicPartition, Long> start : starts.entrySet()) {
      total += ends.get(start.getKey()) - start.getValue();
    }
    return total;
  }

  /**
   * The part of the window done (0 to 1), by offsets: committed offsets, capped at the ends, over
   * the whole window; 1 for an empty window.
   */
  public double fraction(Map<TopicPartition, Long> committed) {
    long total = total();
    if (total == 0) {
      return 1.0;
    }
    long done = 0;
    for (Map.Entry<TopicPartition, Long> start : starts.entrySet()) {
      long at = committed.getOrDefault(start.getKey(), start.getValue());
      done += Math.max(0, Math.min(at, ends.get(start.getKey())) - start.getValue());
    }
    return (double) done / total;
  }
}
