package io.scrapestream.sink.consume;

import static io.scrapestream.sink.ScrapeBatchBuilder.batch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scrapestream.core.batch.DeadLetterHeaders;
import io.scrapestream.core.config.BatchSettings;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.sink.ExportOutcome;
import io.scrapestream.sink.Exporter;
import io.scrapestream.testsupport.kafka.KafkaFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The worker's answer to a partly rejected export, on a real broker. */
@ExtendWith(KafkaFixture.class)
@Timeout(120)
class SinkWorkerPartiallyRejectedIT {

  @Test
  void shouldDeadLetterOnlyNamedBatchesAndCommitAllWhenExportIsPartlyRejected(
      KafkaFixture.Broker broker) throws Exception {
    String prefix = broker.uniqueName("sink-partial");
    String topic = prefix + "out";
    String dlq = prefix + "dlq";
    List<ScrapeBatch> batches =
        List.of(
            batch("t0", 1000).sample(1, "__name__", "a").build(),
            batch("t1", 1000).sample(2, "__name__", "b").build(),
            batch("t2", 1000).sample(3, "__name__", "c").build());
    try (KafkaProducer<String, byte[]> producer = producer(broker)) {
      for (ScrapeBatch b : batches) {
        producer
            .send(new ProducerRecord<>(topic, 0, b.getTarget().getKey(), b.toByteArray()))
            .get();
      }
    }
    RecordingExporter exporter = new RecordingExporter();
    SinkWorker worker =
        new SinkWorker(
            consumer(broker, prefix + "group"),
            exporter,
            new DeadLetterPublisher(producer(broker), dlq, "es"),
            new SinkOptions(topic, new BatchSettings(3, Duration.ofSeconds(30))));
    Thread thread = new Thread(worker, "sink-partial-it");
    thread.start();
    try (Admin admin = Admin.create(broker.clientProperties())) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> committed(admin, prefix + "group", new TopicPartition(topic, 0)) == 3);
    } finally {
      worker.close();
      thread.join(30_000);
    }

    assertThat(exporter.exportedCalls).containsExactly(batches);
    List<ConsumerRecord<String, byte[]>> dead = readAll(broker, dlq);
    assertThat(dead).extracting(ConsumerRecord::key).containsExactly("t1");
    assertThat(ScrapeBatch.parseFrom(dead.get(0).value())).isEqualTo(batches.get(1));
    assertThat(
            new String(
                dead.get(0).headers().lastHeader(DeadLetterHeaders.ERROR_MESSAGE).value(),
                StandardCharsets.UTF_8))
        .isEqualTo("document refused with status 400: mapper_parsing_exception");
  }

  private static long committed(Admin admin, String group, TopicPartition partition)
      throws Exception {
    OffsetAndMetadata offset =
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().get(partition);
    return offset == null ? -1 : offset.offset();
  }

  private static List<ConsumerRecord<String, byte[]>> readAll(
      KafkaFixture.Broker broker, String topic) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer(broker, topic + "-reader")) {
      consumer.subscribe(List.of(topic));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return !records.isEmpty();
              });
      consumer.poll(Duration.ofMillis(500)).forEach(records::add);
    }
    return records;
  }

  private static KafkaProducer<String, byte[]> producer(KafkaFixture.Broker broker) {
    return new KafkaProducer<>(
        broker.clientProperties(), new StringSerializer(), new ByteArraySerializer());
  }

  private static KafkaConsumer<String, byte[]> consumer(KafkaFixture.Broker broker, String group) {
    Map<String, Object> properties = new HashMap<>(broker.clientProperties());
    properties.put("group.id", group);
    properties.put("auto.offset.reset", "earliest");
    properties.put("enable.auto.commit", "false");
    return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
  }

  /** Refuses the second batch of its first export for good, accepts everything after. */
  private static final class RecordingExporter implements Exporter {
    private final List<List<ScrapeBatch>> exportedCalls =
        Collections.synchronizedList(new ArrayList<>());

    @Override
    public ExportOutcome export(List<ScrapeBatch> batches) {
      exportedCalls.add(List.copyOf(batches));
      if (exportedCalls.size() == 1) {
        return new ExportOutcome.PartiallyRejected(
            2,
            new TreeMap<>(Map.of(1, "document refused with status 400: mapper_parsing_exception")));
      }
      return new ExportOutcome.Success(batches.size());
    }

    @Override
    public String backend() {
      return "es";
    }

    @Override
    public void close() {}
  }
}
