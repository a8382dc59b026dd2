package io.scrapestream.enrich;

import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.testsupport.kafka.KafkaFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Topics, a producer and a read-committed reader on the test broker, under one prefix. */
final class ItKafka implements AutoCloseable {
  final String prefix;
  private final KafkaFixture.Broker broker;
  private final KafkaProducer<String, byte[]> producer;
  private final KafkaConsumer<String, byte[]> consumer;

  ItKafka(KafkaFixture.Broker broker, String prefix)
      throws ExecutionException, InterruptedException {
    this.broker = broker;
    this.prefix = prefix;
    try (Admin admin = Admin.create(broker.clientProperties())) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(prefix + "samples.raw", 3, (short) 1),
                  new NewTopic(prefix + "samples.enriched", 3, (short) 1),
                  new NewTopic(prefix + "dlq.enrich", 1, (short) 1),
                  new NewTopic(prefix + "k8s.metadata", 1, (short) 1)
                      .configs(Map.of("cleanup.policy", "compact"))))
          .all()
          .get();
    }
    Map<String, Object> producerProps = new HashMap<>(broker.clientProperties());
    producerProps.put("acks", "all");
    producer =
        new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer());
    Map<String, Object> consumerProps = new HashMap<>(broker.clientProperties());
    consumerProps.put("group.id", prefix + "reader");
    consumerProps.put("auto.offset.reset", "earliest");
    consumerProps.put("isolation.level", "read_committed");
    consumer =
        new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(List.of(prefix + "samples.enriched"));
  }

  void send(String topic, String key, byte[] value) {
    try {
      producer.send(new ProducerRecord<>(prefix + topic, key, value)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot produce to " + topic, e);
    }
  }

  void sendBatch(ScrapeBatch batch) {
    send("samples.raw", batch.getTarget().getKey(), batch.toByteArray());
  }

  /** Records of samples.enriched that arrived since the last call. */
  List<ConsumerRecord<String, ScrapeBatch>> poll() {
    List<ConsumerRecord<String, ScrapeBatch>> out = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
      try {
        out.add(
            new ConsumerRecord<>(
                r.topic(), r.partition(), r.offset(), r.key(), ScrapeBatch.parseFrom(r.value())));
      } catch (com.google.protobuf.InvalidProtocolBufferException e) {
        throw new AssertionError("samples.enriched holds an undecodable record", e);
      }
    }
    return out;
  }

  String bootstrapServers() {
    return broker.bootstrapServers();
  }

  @Override
  public void close() {
    producer.close();
    consumer.close();
  }
}
