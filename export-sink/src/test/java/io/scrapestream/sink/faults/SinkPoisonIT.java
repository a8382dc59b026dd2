package io.scrapestream.sink.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scrapestream.core.batch.DeadLetterHeaders;
import io.scrapestream.core.config.ScrapestreamConfig;
import io.scrapestream.core.kafka.Topics;
import io.scrapestream.sink.SinkApp;
import io.scrapestream.sink.SinkListener;
import io.scrapestream.testsupport.faults.RemoteWriteEndpoint;
import io.scrapestream.testsupport.faults.Tally;
import io.scrapestream.testsupport.kafka.KafkaFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** A record that is not a ScrapeBatch in the middle of a partition. */
@ExtendWith(KafkaFixture.class)
@Timeout(90)
class SinkPoisonIT {

  @Test
  void shouldDeadLetterPoisonRecordAndDeliverEveryOtherSampleWhenTopicHoldsOne(
      KafkaFixture.Broker broker) throws Exception {
    String prefix = broker.uniqueName("sink-poison");
    SequenceWorkload workload = new SequenceWorkload(40, 50, 5, 1_700_000_000_000L);
    try (RemoteWriteEndpoint receiver = RemoteWriteEndpoint.receiver(SequenceWorkload.KEYER)) {
      ScrapestreamConfig config =
          FaultConfigs.remoteWrite(broker.bootstrapServers(), prefix, receiver.url());
      String topic = Topics.samplesEnriched(config.kafka());
      SequenceWorkload.createTopic(broker.clientProperties(), topic, 4);
      RecordMetadata poison;
      try (KafkaProducer<String, byte[]> producer =
          SequenceWorkload.producer(broker.clientProperties())) {
        workload.produce(producer, topic, 0, 25);
        poison = SequenceWorkload.producePoison(producer, topic);
        workload.produce(producer, topic, 25, workload.scrapes());
      }
      double seconds;
      try (SinkApp sink = SinkApp.start(config, SinkListener.NO_OP)) {
        long start = System.nanoTime();
        await()
            .atMost(Duration.ofSeconds(45))
            .until(() -> receiver.ledger().distinct() >= workload.samples());
        seconds = (System.nanoTime() - start) / 1e9;
      }
      Tally tally =
          Tally.of("poison_record", workload.expected(), receiver.ledger().counts(), seconds);
      tally.print();
      List<ConsumerRecord<String, byte[]>> dead =
          readAll(broker, Topics.deadLetter(config.kafka(), "rw"));
      assertThat(tally.lost()).isZero();
      assertThat(tally.duplicated()).isZero();
      assertThat(tally.unexpected()).isZero();
      assertThat(dead).hasSize(1);
      assertPoisonDeadLettered(dead.get(0), topic, poison);
    }
  }

  private static void assertPoisonDeadLettered(
      ConsumerRecord<String, byte[]> dead, String topic, RecordMetadata poison) {
    assertThat(dead.key()).isEqualTo("t0");
    assertThat(dead.value()).isEqualTo(SequenceWorkload.POISON);
    assertThat(headers(dead))
        .containsEntry(DeadLetterHeaders.STAGE, "rw")
        .containsEntry(DeadLetterHeaders.ERROR_CLASS, "rejected")
        .containsEntry(DeadLetterHeaders.SOURCE_TOPIC, topic)
        .containsEntry(DeadLetterHeaders.SOURCE_PARTITION, String.valueOf(poison.partition()))
        .containsEntry(DeadLetterHeaders.SOURCE_OFFSET, String.valueOf(poison.offset()))
        .containsEntry(DeadLetterHeaders.ERROR_MESSAGE, PROTOBUF_TRUNCATED);
  }

  private static final String PROTOBUF_TRUNCATED =
      "InvalidProtocolBufferException: While parsing a protocol message, the input ended"
          + " unexpectedly in the middle of a field.  This could mean either that the input has"
          + " been truncated or that an embedded message misreported its own length.";

  private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
    Map<String, String> headers = new HashMap<>();
    record
        .headers()
        .forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
    return headers;
  }

  /** Everything in {@code topic} once it holds a record, read until a poll returns nothing. */
  private static List<ConsumerRecord<String, byte[]>> readAll(
      KafkaFixture.Broker broker, String topic) {
    Map<String, Object> properties = new HashMap<>(broker.clientProperties());
    properties.put("group.id", topic + "-reader");
    properties.put("auto.offset.reset", "earliest");
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return !records.isEmpty();
              });
      consumer.poll(Duration.ofMillis(1000)).forEach(records::add);
    }
    return records;
  }
}
