package io.scrapestream.sink.consume;

import io.scrapestream.schemas.v1.ScrapeBatch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Batches consumed but not yet acknowledged by the backend, with the offsets to commit once they
 * are. Records are kept in consumption order, so per-partition order holds.
 */
final class PendingBatches {
  private final List<ScrapeBatch> batches = new ArrayList<>();
  private final List<TopicPartition> origins = new ArrayList<>();
  private final Map<TopicPartition, Long> nextOffsets = new HashMap<>();
  private long samples;
  private long firstAddedNanos;

  void add(ScrapeBatch batch, TopicPartition partition, long offset) {
    if (batches.isEmpty()) {
      firstAddedNanos = System.nanoTime();
    }
    batches.add(batch);
    origins.add(partition);
    samples += batch.getSeriesCount();
    markDone(partition, offset);
  }

  /** Records that need no export (dead-lettered) still move the offset on. */
  void markDone(TopicPartition partition, long offset) {
    nextOffsets.merge(partition, offset + 1, Math::max);
  }

  List<ScrapeBatch> batches() {
    return batches;
  }

  long samples() {
    return samples;
  }

  boolean isEmpty() {
    return batches.isEmpty();
  }

  boolean hasOffsets() {
    return !nextOffsets.isEmpty();
  }

  long ageNanos() {
    return batches.isEmpty() ? 0 : System.nanoTime() - firstAddedNanos;
  }

  Map<TopicPartition, OffsetAndMetadata> offsets() {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    nextOffsets.forEach((tp, next) -> offsets.put(tp, new OffsetAndMetadata(next)));
    return offsets;
  }

  /** Forgets records of partitions this worker no longer owns; their new owner reads them again. */
  void forget(Collection<TopicPartition> revoked) {
    for (int i = batches.size() - 1; i >= 0; i--) {
      if (revoked.contains(origins.get(i))) {
        samples -= batches.get(i).getSeriesCount();
        batches.remove(i);
        origins.remove(i);
      }
    }
    revoked.forEach(nextOffsets::remove);
  }

  void clear() {
    batches.clear();
    origins.clear();
    nextOffsets.clear();
    samples = 0;
  }
}
