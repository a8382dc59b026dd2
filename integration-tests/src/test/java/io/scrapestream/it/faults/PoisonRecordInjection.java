package io.scrapestream.it.faults;

import static org.awaitility.Awaitility.await;

import io.scrapestream.core.config.ScrapestreamConfig;
import io.scrapestream.core.kafka.Topics;
import io.scrapestream.testsupport.faults.TopicRecords;
import io.scrapestream.testsupport.kafka.KafkaFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The poison records of {@link PoisonRecordIT}, one per consumed topic, where each landed. The
 * batch topics get the key of a live target, so the poison sits in a partition that keeps receiving
 * that target's scrapes; k8s.metadata gets the key enrichment looks the targets up by.
 *
 * @param key the target key the batch-topic poisons carry
 */
record PoisonRecordInjection(
    String key,
    RecordMetadata raw,
    RecordMetadata enriched,
    RecordMetadata out,
    RecordMetadata metadata) {
  /** A protobuf field 1 announcing 5 bytes and holding 1: no consumer can decode it. */
  static final byte[] POISON = {0x0a, 0x05, 0x01};

  /** The key of k8s.metadata the targets on 127.0.0.1 are looked up by. */
  static final String METADATA_KEY = "ip/127.0.0.1";

  static PoisonRecordInjection inject(KafkaFixture.Broker broker, ScrapestreamConfig config)
      throws ExecutionException, InterruptedException {
    String key = liveTargetKey(broker, Topics.samplesRaw(config.kafka()));
    Map<String, Object> properties = new HashMap<>(broker.clientProperties());
    properties.put("acks", "all");
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer())) {
      return new PoisonRecordInjection(
          key,
          send(producer, Topics.samplesRaw(config.kafka()), key),
          send(producer, Topics.samplesEnriched(config.kafka()), key),
          send(producer, Topics.out(config.kafka(), "poison-shaped"), key),
          send(producer, Topics.k8sMetadata(config.kafka()), METADATA_KEY));
    }
  }

  /** A record's headers as text. */
  static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
    Map<String, String> headers = new HashMap<>();
    record
        .headers()
        .forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
    return headers;
  }

  private static RecordMetadata send(
      KafkaProducer<String, byte[]> producer, String topic, String key)
      throws ExecutionException, InterruptedException {
    return producer.send(new ProducerRecord<>(topic, key, POISON)).get();
  }

  private static String liveTargetKey(KafkaFixture.Broker broker, String topic) {
    try (TopicRecords raw = TopicRecords.read(broker.clientProperties(), List.of(topic))) {
      await("a scrape on " + topic)
          .atMost(Duration.ofSeconds(30))
          .until(() -> !raw.poll().isEmpty() || !raw.all().isEmpty());
      return raw.all().get(0).key();
    }
  }
}
