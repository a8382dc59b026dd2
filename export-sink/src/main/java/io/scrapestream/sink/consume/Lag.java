package io.scrapestream.sink.consume;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.OptionalLong;

/**
 * The consumer lag of one sink (export-sink/DESIGN.md, "Lag"): records not yet committed, and the
 * age of the oldest sample read but not yet exported. Pure.
 *
 * @param records the sum over partitions of {@code endOffset - firstUnexportedOffset}, at least 0
 * @param age the largest {@code now - oldestUncommittedMs} over partitions, at least 0; a partition
 *     with nothing read and uncommitted adds nothing
 */
record Lag(long records, Duration age) {

  /**
   * What one partition contributes.
   *
   * @param endOffset the log end offset (the last stable offset under read_committed)
   * @param firstUnexportedOffset the offset of the first record read and not committed, else the
   *     consumer's position
   * @param oldestUncommittedMs the earliest scrape timestamp of the records read and not committed
   */
  record Partition(long endOffset, long firstUnexportedOffset, OptionalLong oldestUncommittedMs) {}

  static Lag of(Collection<Partition> partitions, Instant now) {
    long records = 0;
    long ageMs = 0;
    long nowMs = now.toEpochMilli();
    for (Partition partition : partitions) {
      records += Math.max(0, partition.endOffset() - partition.firstUnexportedOffset());
      if (partition.oldestUncommittedMs().isPresent()) {
        ageMs = Math.max(ageMs, nowMs - partition.oldestUncommittedMs().getAsLong());
      }
    }
    return new Lag(records, Duration.ofMillis(ageMs));
  }
}
