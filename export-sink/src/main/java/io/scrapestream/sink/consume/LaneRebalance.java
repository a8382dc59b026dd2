package io.scrapestream.sink.consume;

import java.util.Collection;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;

/**
 * Keeps the loop's lanes in step with the group's assignment. A revoked partition's export is
 * finished and committed first (the commit is still allowed then); a lost one's is finished and not
 * committed: its new owner reads those records again.
 */
final class LaneRebalance implements ConsumerRebalanceListener {
  private final DeliveryLoop loop;

  LaneRebalance(DeliveryLoop loop) {
    this.loop = loop;
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    loop.revoked(partitions, true);
  }

  @Override
  public void onPartitionsLost(Collection<TopicPartition> partitions) {
    loop.revoked(partitions, false);
  }

  @Override
  public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
    loop.assigned(partitions);
  }
}
