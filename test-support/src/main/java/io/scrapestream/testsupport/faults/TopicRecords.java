package io.scrapestream.testsupport.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Every committed record of some existing topics, read from the beginning without a consumer group
 * (every partition assigned), so that a fault test verifies what is really on the topics. Not
 * thread-safe: one test thread polls.
 */
public final class TopicRecords implements AutoCloseable {
  private final KafkaConsumer<String, byte[]> consumer;
  private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

  private TopicRecords(KafkaConsumer<String, byte[]> consumer) {
    this.consumer = consumer;
  }

  /**
   * Reads {@code topics} (which must exist) of the broker that {@code clientProperties} points at.
   *
   * @throws IllegalArgumentException when a topic has no partitions (does not exist)
   */
  public static TopicRecords read(Map<String, Object> clientProperties, Collection<String> topics) {
    Map<String, Object> properties = new HashMap<>(clientProperties);
    properties.put("isolation.level", "read_committed");
    properties.put("enable.auto.commit", "false");
    KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : topics) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
      if (infos == null || infos.isEmpty()) {
        consumer.close();
        throw new IllegalArgumentException("topic has no partitions (missing?). Found: " + topic);
      }
      infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return new TopicRecords(consumer);
  }

  /** Polls once (up to 200 ms) and returns the records that arrived since the last poll. */
  public List<ConsumerRecord<String, byte[]>> poll() {
    List<ConsumerRecord<String, byte[]>> fresh = new ArrayList<>();
    consumer.poll(Duration.ofMillis(200)).forEach(fresh::add);
    records.addAll(fresh);
    return fresh;
  }

  /** Every record read so far, in the order read. */
  public List<ConsumerRecord<String, byte[]>> all() {
    return List.copyOf(records);
  }

  /** The records read so far of one topic. */
  public List<ConsumerRecord<String, byte[]>> of(String topic) {
    return records.stream().filter(r -> r.topic().equals(topic)).toList();
  }

  @Override
  public void close() {
    consumer.close();
  }
}
