package io.scrapestream.sink.replay;

import static io.scrapestream.sink.ScrapeBatchBuilder.batch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.scrapestream.core.config.ConfigLoader;
import io.scrapestream.core.config.ScrapestreamConfig;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.testsupport.kafka.KafkaFixture;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Replays of a time window on a real broker: exactly the window's records, then a stop. */
@ExtendWith(KafkaFixture.class)
@Timeout(120)
class ReplayIT {
  private static final Pattern VALUE = Pattern.compile("\"value\":([0-9.]+)");
  private static final Instant T0 =
      Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

  @TempDir Path dir;

  @Test
  void shouldExportExactlyTheRecordsOfTheWindowAndCommitTheirEndsWhenReplayingIntoAFile(
      KafkaFixture.Broker broker) throws Exception {
    String prefix = broker.uniqueName("replay");
    String topic = produceTenRecords(broker, prefix);
    Path out = dir.resolve("out.jsonl");
    ScrapestreamConfig config =
        config(
            broker, prefix, "{name: files, file: {path: '" + out + "'}, batch: {max_delay: 10ms}}");
    List<ReplayProgress> progress = new ArrayList<>();

    ReplayResult result =
        new Replay(
                config,
                new ReplayRequest(
                    "files",
                    topic,
                    T0.plusSeconds(3),
                    Optional.of(T0.plusSeconds(7)),
                    Duration.ofMinutes(1)),
                Clock.systemUTC())
            .run(progress::add);

    assertThat(values(out))
        .containsExactlyInAnyOrder(30.0, 31.0, 40.0, 41.0, 50.0, 51.0, 60.0, 61.0);
    assertThat(result.completed()).isTrue();
    assertThat(List.of(result.records(), result.samples(), result.exported(), result.deadLetters()))
        .containsExactly(4L, 8L, 8L, 0L);
    assertThat(result.dropped()).isEmpty();
    assertThat(result.groupId()).startsWith("scrapestream-replay-files-");
    assertThat(committed(broker, result.groupId(), topic))
        .isEqualTo(Map.of(new TopicPartition(topic, 0), 4L, new TopicPartition(topic, 1), 3L));
    ReplayProgress last = progress.get(progress.size() - 1);
    assertThat(List.of(last.records(), last.samples(), last.exported()))
        .containsExactly(4L, 8L, 8L);
    assertThat(last.fraction()).isEqualTo(1.0);
  }

  @Test
  void shouldStopAndSayItDidNotCompleteWhenTheBackendKeepsFailing(KafkaFixture.Broker broker)
      throws Exception {
    String prefix = broker.uniqueName("replay-down");
    String topic = produceTenRecords(broker, prefix);
    HttpServer down =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    down.createContext(
        "/",
        exchange -> {
          exchange.sendResponseHeaders(503, -1);
          exchange.close();
        });
    down.start();
    try {
      String url = "http://127.0.0.1:" + down.getAddress().getPort() + "/api/v1/write";
      ScrapestreamConfig config =
          config(broker, prefix, "{name: prom, remote_write: {url: '" + url + "'}}");

      ReplayResult result =
          new Replay(
                  config,
                  new ReplayRequest("prom", topic, T0, Optional.empty(), Duration.ofSeconds(2)),
                  Clock.systemUTC())
              .run(p -> {});

      assertThat(result.completed()).isFalse();
      assertThat(result.exported()).isZero();
      assertThat(result.duration()).isLessThan(Duration.ofSeconds(20));
    } finally {
      down.stop(0);
    }
  }

  @Test
  void shouldRefuseToStartWhenTheTopicDoesNotExist(KafkaFixture.Broker broker) throws Exception {
    String prefix = broker.uniqueName("replay-none");
    ScrapestreamConfig config =
        config(broker, prefix, "{name: files, file: {path: '" + dir.resolve("x") + "'}}");
    Replay replay =
        new Replay(
            config,
            new ReplayRequest(
                "files", prefix + "missing", T0, Optional.empty(), Duration.ofMinutes(1)),
            Clock.systemUTC());

    assertThatThrownBy(() -> replay.run(p -> {}))
        .isInstanceOf(InvalidReplayException.class)
        .hasMessage("--topic: no such topic in the cluster. Found: " + prefix + "missing");
  }

  /**
   * Records k = 0..9 at T0 + k seconds, to partition k % 2, each with two samples of values 10k and
   * 10k + 1.
   */
  private static String produceTenRecords(KafkaFixture.Broker broker, String prefix)
      throws Exception {
    String topic = prefix + "samples.enriched";
    try (Admin admin = Admin.create(broker.clientProperties())) {
      admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
    }
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            broker.clientProperties(), new StringSerializer(), new ByteArraySerializer())) {
      for (int k = 0; k < 10; k++) {
        long time = T0.plusSeconds(k).toEpochMilli();
        ScrapeBatch batch =
            batch("t" + k, time)
                .sample(10 * k, "__name__", "a", "k", "" + k)
                .sample(10 * k + 1, "__name__", "b", "k", "" + k)
                .build();
        producer.send(new ProducerRecord<>(topic, k % 2, time, "t" + k, batch.toByteArray())).get();
      }
    }
    return topic;
  }

  private static ScrapestreamConfig config(
      KafkaFixture.Broker broker, String prefix, String backend) throws Exception {
    return ConfigLoader.load(
        "kafka: {bootstrap_servers: '"
            + broker.bootstrapServers()
            + "', topic_prefix: '"
            + prefix
            + "'}\nbackends: ["
            + backend
            + "]\n",
        "replay.yaml");
  }

  private static List<Double> values(Path file) throws Exception {
    List<Double> values = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      Matcher value = VALUE.matcher(line);
      if (value.find()) {
        values.add(Double.parseDouble(value.group(1)));
      }
    }
    return values;
  }

  private static Map<TopicPartition, Long> committed(
      KafkaFixture.Broker broker, String group, String topic) throws Exception {
    try (Admin admin = Admin.create(broker.clientProperties())) {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, Long> committed = new java.util.HashMap<>();
      offsets.forEach((tp, offset) -> committed.put(tp, offset.offset()));
      return committed;
    }
  }
}
