package io.scrapestream.enrich.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.scrapestream.core.config.ConfigLoader;
import io.scrapestream.core.config.ScrapestreamConfig;
import io.scrapestream.enrich.EnrichApp;
import io.scrapestream.schemas.v1.K8sObject;
import io.scrapestream.testsupport.kafka.KafkaFixture;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whole-process throughput of the enrichment topology on the embedded broker (run with {@code mvn
 * -Pbench test -pl enrich-streams}): raw batches are produced first (lz4, as ingest does), then one
 * stream thread staleness-tracks, enriches (every batch a Kubernetes hit, attributes as resource
 * attributes) and writes them. Samples per core = samples written / CPU time of the stream thread
 * and its producer's network thread between the first and the last batch written.
 */
@ExtendWith(KafkaFixture.class)
@Timeout(900)
class EnrichThroughputBench {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0} series per batch")
  @CsvSource({"500, 100, 200", "5000, 10, 200"})
  @EnabledIfSystemProperty(
      named = "bench.series",
      matches = ".*",
      disabledReason = "set -Dbench.series=all, 500 or 5000")
  void measure(int seriesPerBatch, int targets, int scrapes, KafkaFixture.Broker broker)
      throws Exception {
    String only = System.getProperty("bench.series");
    assumeTrue(only.equals("all") || only.equals(String.valueOf(seriesPerBatch)));
    String prefix = broker.uniqueName("bench");
    createTopics(broker, prefix);
    produce(broker, prefix, new BenchBatches(seriesPerBatch), targets, scrapes);
    CpuMeter meter = new CpuMeter(prefix + "app", (long) targets * scrapes);
    ScrapestreamConfig config = ConfigLoader.load(config(broker, prefix), "bench.yaml", Map.of());
    try (EnrichApp app =
        EnrichApp.start(config, meter, Optional.of(Files.createDirectories(dir.resolve("s"))))) {
      await()
          .atMost(Duration.ofMinutes(10))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> meter.batches() >= (long) targets * scrapes);
    }
    System.out.println(meter.report(seriesPerBatch));
    assertThat(meter.batches()).isEqualTo((long) targets * scrapes);
  }

  private static void createTopics(KafkaFixture.Broker broker, String prefix) throws Exception {
    try (Admin admin = Admin.create(broker.clientProperties())) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(prefix + "samples.raw", 1, (short) 1),
                  new NewTopic(prefix + "samples.enriched", 1, (short) 1),
                  new NewTopic(prefix + "dlq.enrich", 1, (short) 1),
                  new NewTopic(prefix + "k8s.metadata", 1, (short) 1)))
          .all()
          .get();
    }
  }

  private static void produce(
      KafkaFixture.Broker broker, String prefix, BenchBatches batches, int targets, int scrapes) {
    Map<String, Object> props = new HashMap<>(broker.clientProperties());
    props.put("compression.type", "lz4");
    props.put("linger.ms", "5");
    props.put("batch.size", String.valueOf(256 * 1024));
    props.put("max.request.size", String.valueOf(16 * 1024 * 1024));
    long start = System.currentTimeMillis();
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      for (int t = 0; t < targets; t++) {
        K8sObject pod =
            K8sObject.newBuilder()
                .setKind("Pod")
                .setName("checkout-" + t)
                .setNamespace("shop")
                .setUid("uid-" + t)
                .setNodeName("node-" + (t % 7))
                .putLabels("app", "checkout")
                .build();
        producer.send(
            new ProducerRecord<>(
                prefix + "k8s.metadata", "ip/" + BenchBatches.ip(t), pod.toByteArray()));
      }
      for (int s = 0; s < scrapes; s++) {
        for (int t = 0; t < targets; t++) {
          byte[] value = batches.scrape(t, s, start + s * 15_000L).toByteArray();
          producer.send(new ProducerRecord<>(prefix + "samples.raw", BenchBatches.key(t), value));
        }
      }
    }
  }

  private static String config(KafkaFixture.Broker broker, String prefix) {
    return """
        kafka:
          bootstrap_servers: "%s"
          topic_prefix: "%s"
        enrich:
          application_id: "%sapp"
          resource_attributes: {k8s.cluster.name: bench}
          staleness: {punctuate_interval: 10s}
          kubernetes: {extract: {labels: [{key: app}]}}
        """
        .formatted(broker.bootstrapServers(), prefix, prefix);
  }

  static long threadCpuNanos(String nameContains) {
    var threads = ManagementFactory.getThreadMXBean();
    long total = 0;
    for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().contains(nameContains)) {
        total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    return total;
  }
}
