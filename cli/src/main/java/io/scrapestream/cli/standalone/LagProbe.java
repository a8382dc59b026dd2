package io.scrapestream.cli.standalone;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Consumer lag in records of one consumer group on one topic: end offsets minus committed. */
final class LagProbe implements AutoCloseable {
  private final Admin admin;

  LagProbe(Map<String, Object> adminProperties) {
    this.admin = Admin.create(adminProperties);
  }

  /** The lag, or -1 when the broker did not answer in time. */
  long lag(String group, String topic) {
    try {
      Set<TopicPartition> partitions =
          admin
              .describeTopics(Set.of(topic))
              .allTopicNames()
              .get(2, TimeUnit.SECONDS)
              .get(topic)
              .partitions()
              .stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .collect(java.util.stream.Collectors.toSet());
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
      Map<TopicPartition, ListOffsetsResultInfo> ends =
          admin.listOffsets(latest).all().get(2, TimeUnit.SECONDS);
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata()
              .get(2, TimeUnit.SECONDS);
      long lag = 0;
      for (TopicPartition tp : partitions) {
        OffsetAndMetadata done = committed.get(tp);
        lag += ends.get(tp).offset() - (done == null ? 0 : done.offset());
      }
      return lag;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    } catch (Exception e) {
      return -1;
    }
  }

  @Override
  public void close() {
    admin.close();
  }
}
