package io.scrapestream.sink.consume;

import static org.awaitility.Awaitility.await;

import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.testsupport.kafka.KafkaFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Kafka chores of the sink's integration tests, on the shared test broker. */
final class SinkKafka {
  private SinkKafka() {}

  static void createTopic(KafkaFixture.Broker broker, String topic, int partitions)
      throws Exception {
    try (Admin admin = Admin.create(broker.clientProperties())) {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
    }
  }

  static KafkaProducer<String, byte[]> producer(KafkaFixture.Broker broker) {
    return new KafkaProducer<>(
        broker.clientProperties(), new StringSerializer(), new ByteArraySerializer());
  }

  /** Produces the batch to a partition, keyed by its target, and waits until stored. */
  static void send(
      KafkaProducer<String, byte[]> producer, String topic, int partition, ScrapeBatch batch)
      throws Exception {
    producer
        .send(
            new ProducerRecord<>(topic, partition, batch.getTarget().getKey(), batch.toByteArray()))
        .get();
  }

  /** A consumer of the group, reading from the earliest offset, with extra properties. */
  static KafkaConsumer<String, byte[]> consumer(
      KafkaFixture.Broker broker, String group, Map<String, Object> extra) {
    Map<String, Object> properties = new HashMap<>(broker.clientProperties());
    properties.put("group.id", group);
    properties.put("auto.offset.reset", "earliest");
    properties.put("enable.auto.commit", "false");
    properties.putAll(extra);
    return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
  }

  /** The group's committed offset of the partition, or -1 when none. */
  static long committed(KafkaFixture.Broker broker, String group, TopicPartition partition)
      throws Exception {
    try (Admin admin = Admin.create(broker.clientProperties())) {
      OffsetAndMetadata offset =
          admin
              .listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata()
              .get()
              .get(partition);
      return offset == null ? -1 : offset.offset();
    }
  }

  /** Every record of the topic, once {@code expected} of them are there (and no more came). */
  static List<ConsumerRecord<String, byte[]>> readAll(
      KafkaFixture.Broker broker, String topic, int expected) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        consumer(broker, topic + "-reader-" + System.nanoTime(), Map.of())) {
      consumer.subscribe(Set.of(topic));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
              });
      consumer.poll(Duration.ofMillis(500)).forEach(records::add);
    }
    return records;
  }
}
