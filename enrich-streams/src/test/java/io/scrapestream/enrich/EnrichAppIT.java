package io.scrapestream.enrich;

import static io.scrapestream.enrich.Batches.lines;
import static io.scrapestream.enrich.Batches.scrape;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scrapestream.core.config.ConfigLoader;
import io.scrapestream.schemas.v1.K8sObject;
import io.scrapestream.schemas.v1.OwnerReference;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.testsupport.kafka.KafkaFixture;
import io.scrapestream.testsupport.process.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The enrichment application on a real KRaft broker: raw batches and metadata in, exact out. */
@ExtendWith(KafkaFixture.class)
@Timeout(180)
class EnrichAppIT {
  static final String CLUSTER = "k8s.cluster.name=it";
  static final K8sObject POD =
      K8sObject.newBuilder()
          .setKind("Pod")
          .setUid("uid-a")
          .setName("web-a")
          .setNamespace("shop")
          .setNodeName("node-1")
          .putLabels("app", "web")
          .addOwners(OwnerReference.newBuilder().setKind("ReplicaSet").setName("web-6f"))
          .addOwners(OwnerReference.newBuilder().setKind("Deployment").setName("web"))
          .build();
  private static final String A = "{instance=\"10.0.0.1:9100\",job=\"node\",pod_uid=\"uid-a\"}";
  private static final String G = "{instance=\"10.0.0.1:9100\",job=\"node\"}";

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"at_least_once", "exactly_once_v2"})
  void shouldWriteExactEnrichedBatchesWhenRawAndMetadataArrive(
      String guarantee, KafkaFixture.Broker broker) throws Exception {
    try (ItKafka kafka = new ItKafka(broker, broker.uniqueName("enrich-it"))) {
      kafka.send("k8s.metadata", "pod/uid-a", POD.toByteArray());
      long t = System.currentTimeMillis();
      kafka.sendBatch(target("a", t).sample("x", 1).sample("y", 2).report(true, "s1").build());
      kafka.sendBatch(target("a", t + 1000).sample("x", 3).report(true, "s1").build());
      kafka.sendBatch(scrape("gone", t).intervalMs(1000).sample("g", 7).build());
      List<ConsumerRecord<String, ScrapeBatch>> out = new ArrayList<>();
      try (EnrichApp app = start(kafka, guarantee)) {
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> {
                  out.addAll(kafka.poll());
                  return out.size() >= 4;
                });
        Thread.sleep(1_000);
        out.addAll(kafka.poll());
      }

      assertThat(out).hasSize(4);
      List<ScrapeBatch> a = batchesOf(out, "a");
      assertThat(lines(a.get(0)))
          .containsExactly(
              "x" + A + " 1",
              "y" + A + " 2",
              "up" + A + " 1",
              "scrape_duration_seconds" + A + " 0.5",
              "scrape_samples_scraped" + A + " 2",
              "scrape_samples_post_metric_relabeling" + A + " 2",
              "scrape_series_added" + A + " 2");
      assertThat(lines(a.get(1)))
          .containsExactly(
              "x" + A + " 3",
              "up" + A + " 1",
              "scrape_duration_seconds" + A + " 0.5",
              "scrape_samples_scraped" + A + " 1",
              "scrape_samples_post_metric_relabeling" + A + " 1",
              "scrape_series_added" + A + " 0",
              "y" + A + " stale");
      assertThat(a)
          .allSatisfy(
              b ->
                  assertThat(attributes(b))
                      .containsExactly(
                          "k8s.namespace.name=shop",
                          "k8s.pod.name=web-a",
                          "k8s.pod.uid=uid-a",
                          "k8s.node.name=node-1",
                          "k8s.deployment.name=web",
                          "k8s.pod.labels.app=web",
                          CLUSTER));
      List<ScrapeBatch> gone = batchesOf(out, "gone");
      assertThat(lines(gone.get(0))).containsExactly("g" + G + " 7");
      assertThat(lines(gone.get(1))).containsExactly("g" + G + " stale");
      assertThat(gone.get(1).getTimestampMs()).isEqualTo(t + 1000);
      assertThat(attributes(gone.get(1))).containsExactly(CLUSTER);
    }
  }

  @org.junit.jupiter.api.Test
  void shouldLoseNoBatchAndKeepStalenessStateWhenKilledMidStreamAndRestarted(
      KafkaFixture.Broker broker) throws Exception {
    try (ItKafka kafka = new ItKafka(broker, broker.uniqueName("enrich-kill"))) {
      Path config = Files.writeString(dir.resolve("it.yaml"), config(kafka, "at_least_once"));
      Path state = Files.createDirectories(dir.resolve("state"));
      long t = System.currentTimeMillis();
      Thread producer = new Thread(() -> sendScrapes(kafka, t, 1, 100, 20));
      List<ConsumerRecord<String, ScrapeBatch>> out = new ArrayList<>();
      try (ChildJvm first = enrichChild(config, state, dir.resolve("first.log"))) {
        producer.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> pollInto(kafka, out) >= 20);
        assertThat(producer.isAlive()).as("killed while batches still arrive").isTrue();
        first.kill();
      }
      producer.join();
      try (ChildJvm second = enrichChild(config, state, dir.resolve("second.log"))) {
        sendScrapes(kafka, t, 101, 110, 0);
        await()
            .atMost(Duration.ofSeconds(90))
            .until(
                () -> {
                  pollInto(kafka, out);
                  return keysAndTimes(out).containsAll(expectedKeysAndTimes(t));
                });
      }

      assertThat(keysAndTimes(out)).containsAll(expectedKeysAndTimes(t));
      assertThat(staleLines(out)).containsOnly("a@" + (t + 105_000) + " z" + A + " stale");
      assertThat(seriesAddedAfterFirstScrape(out, t)).isNotEmpty().containsOnly("0");
    }
  }

  static Batches.Builder target(String key, long timestampMs) {
    return scrape(key, timestampMs).targetLabel("pod_uid", "uid-a").intervalMs(60_000);
  }

  static List<ScrapeBatch> batchesOf(List<ConsumerRecord<String, ScrapeBatch>> out, String key) {
    return out.stream().filter(r -> r.key().equals(key)).map(ConsumerRecord::value).toList();
  }

  static List<String> attributes(ScrapeBatch batch) {
    return batch.getResourceAttributesList().stream()
        .map(a -> a.getKey() + "=" + a.getValue())
        .toList();
  }

  /** Scrapes {@code from..to} of targets a (x, y, z; z gone from 105 on) and b, 1s apart. */
  private static void sendScrapes(ItKafka kafka, long t, int from, int to, long pauseMs) {
    for (int i = from; i <= to; i++) {
      long ts = t + i * 1000L;
      Batches.Builder a = target("a", ts).sample("x", i).sample("y", i);
      kafka.sendBatch((i < 105 ? a.sample("z", i) : a).report(true, "s" + (i % 2)).build());
      kafka.sendBatch(
          scrape("b", ts).intervalMs(60_000).sample("x", i).report(true, "s" + (i % 2)).build());
      try {
        Thread.sleep(pauseMs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static int pollInto(ItKafka kafka, List<ConsumerRecord<String, ScrapeBatch>> out) {
    out.addAll(kafka.poll());
    return out.size();
  }

  private static java.util.Set<String> keysAndTimes(List<ConsumerRecord<String, ScrapeBatch>> out) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    out.forEach(r -> seen.add(r.key() + "@" + r.value().getTimestampMs()));
    return seen;
  }

  private static List<String> expectedKeysAndTimes(long t) {
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= 110; i++) {
      expected.add("a@" + (t + i * 1000L));
      expected.add("b@" + (t + i * 1000L));
    }
    return expected;
  }

  private static List<String> staleLines(List<ConsumerRecord<String, ScrapeBatch>> out) {
    List<String> stale = new ArrayList<>();
    for (ConsumerRecord<String, ScrapeBatch> r : out) {
      lines(r.value()).stream()
          .filter(line -> line.endsWith(" stale"))
          .forEach(line -> stale.add(r.key() + "@" + r.value().getTimestampMs() + " " + line));
    }
    return stale;
  }

  private static List<String> seriesAddedAfterFirstScrape(
      List<ConsumerRecord<String, ScrapeBatch>> out, long t) {
    return out.stream()
        .filter(r -> r.value().getTimestampMs() > t + 1000)
        .flatMap(r -> lines(r.value()).stream())
        .filter(line -> line.startsWith("scrape_series_added{"))
        .map(line -> line.substring(line.lastIndexOf(' ') + 1))
        .toList();
  }

  private EnrichApp start(ItKafka kafka, String guarantee) throws Exception {
    return EnrichApp.start(
        ConfigLoader.load(config(kafka, guarantee), "it.yaml", Map.of()),
        io.scrapestream.enrich.topology.EnrichListener.NO_OP,
        Optional.of(Files.createDirectories(dir.resolve("state"))));
  }

  static String config(ItKafka kafka, String guarantee) {
    return """
        kafka:
          bootstrap_servers: "%s"
          topic_prefix: "%s"
          client_properties:
            commit.interval.ms: "200"
            consumer.session.timeout.ms: "6000"
            consumer.heartbeat.interval.ms: "1000"
        enrich:
          application_id: "%sapp"
          processing_guarantee: %s
          resource_attributes: {k8s.cluster.name: it}
          staleness: {punctuate_interval: 500ms}
          kubernetes:
            extract: {labels: [{key: app}]}
        """
        .formatted(kafka.bootstrapServers(), kafka.prefix, kafka.prefix, guarantee);
  }

  private static ChildJvm enrichChild(Path config, Path stateDir, Path output) throws IOException {
    return ChildJvm.start(
        EnrichProcessMain.class,
        output,
        Duration.ofSeconds(90),
        config.toString(),
        stateDir.toString());
  }
}
