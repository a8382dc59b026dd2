package io.scrapestream.enrich;

import static io.scrapestream.enrich.Batches.lines;
import static io.scrapestream.enrich.Batches.scrape;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scrapestream.core.config.ConfigLoader;
import io.scrapestream.enrich.topology.EnrichListener;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.testsupport.kafka.KafkaFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A backend's transform branch on a real KRaft broker: raw batch in, exact out.vm record out. */
@ExtendWith(KafkaFixture.class)
@Timeout(120)
class TransformAppIT {
  @TempDir Path dir;

  @Test
  void shouldWriteTransformedBatchToOutTopicWhenBackendHasTransforms(KafkaFixture.Broker broker)
      throws Exception {
    try (ItKafka kafka = new ItKafka(broker, broker.uniqueName("transform-it"));
        KafkaConsumer<String, byte[]> out = outConsumer(broker, kafka.prefix)) {
      kafka.sendBatch(
          scrape("host", 5_000)
              .sample("system_cpu_utilization", 0.75, "cpu", "cpu0", "state", "idle")
              .sample("system_cpu_utilization", 0.5, "cpu", "cpu1", "state", "idle")
              .sample("node_load1", 2)
              .build());
      List<ScrapeBatch> batches = new ArrayList<>();
      try (EnrichApp app = start(kafka)) {
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> {
                  for (ConsumerRecord<String, byte[]> r : out.poll(Duration.ofMillis(200))) {
                    batches.add(ScrapeBatch.parseFrom(r.value()));
                  }
                  return !batches.isEmpty();
                });
      }

      assertThat(batches).hasSize(1);
      assertThat(lines(batches.get(0)))
          .containsExactly(
              "system_cpu_utilization{state=\"idle\"} 0.625",
              "node_load1{instance=\"10.0.0.1:9100\",job=\"node\",team=\"infra\"} 2");
      assertThat(batches.get(0).getTimestampMs()).isEqualTo(5_000);
    }
  }

  private static KafkaConsumer<String, byte[]> outConsumer(
      KafkaFixture.Broker broker, String prefix) throws Exception {
    try (Admin admin = Admin.create(broker.clientProperties())) {
      admin.createTopics(List.of(new NewTopic(prefix + "out.vm", 3, (short) 1))).all().get();
    }
    Map<String, Object> props = new HashMap<>(broker.clientProperties());
    props.put("group.id", prefix + "out-reader");
    props.put("auto.offset.reset", "earliest");
    props.put("isolation.level", "read_committed");
    KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(List.of(prefix + "out.vm"));
    return consumer;
  }

  private EnrichApp start(ItKafka kafka) throws Exception {
    String config =
        EnrichAppIT.config(kafka, "at_least_once")
            + """
            backends:
            - name: vm
              file: {path: /tmp/vm}
              transforms:
              - aggregate: {metrics: [system_cpu_utilization], keep_labels: [state], op: mean}
              - add_label: {name: team, value: infra}
                metrics: [node_.*]
            """;
    return EnrichApp.start(
        ConfigLoader.load(config, "it.yaml", Map.of()),
        EnrichListener.NO_OP,
        Optional.of(Files.createDirectories(dir.resolve("state"))));
  }
}
