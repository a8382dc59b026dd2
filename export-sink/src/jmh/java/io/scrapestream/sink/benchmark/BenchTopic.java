package io.scrapestream.sink.benchmark;

import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import io.scrapestream.schemas.v1.Target;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The benchmark's input topic: scrapes of 500 series from 20 node_exporter-like targets, 15 s
 * apart and ending now, so that every backend accepts them.
 */
final class BenchTopic {
  static final int SERIES_PER_BATCH = 500;
  private static final int TARGETS = 20;

  private final Map<String, Object> client;
  private final String topic;
  private int records;

  BenchTopic(String bootstrapServers, String topic) {
    this.client = Map.of("bootstrap.servers", bootstrapServers);
    this.topic = topic;
  }

  int records() {
    return records;
  }

  /** Creates the topic and writes at least {@code samples} samples; answers how many. */
  int fill(int samples, int partitions) throws ExecutionException, InterruptedException {
    try (Admin admin = Admin.create(client)) {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
    }
    Map<String, Object> properties = new HashMap<>(client);
    properties.put("max.in.flight.requests.per.connection", "1");
    properties.put("linger.ms", "20");
    int scrapes = (samples + TARGETS * SERIES_PER_BATCH - 1) / (TARGETS * SERIES_PER_BATCH);
    long end = System.currentTimeMillis();
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer())) {
      for (int scrape = 0; scrape < scrapes; scrape++) {
        for (int t = 0; t < TARGETS; t++) {
          ScrapeBatch batch = batch(t, scrape, end - (scrapes - scrape) * 15_000L);
          producer.send(new ProducerRecord<>(topic, batch.getTarget().getKey(), batch.toByteArray()));
          records++;
        }
      }
      producer.flush();
    }
    return records * SERIES_PER_BATCH;
  }

  /** One scrape of target {@code t}: node_cpu-like names, cpu/mode labels, target labels. */
  private static ScrapeBatch batch(int t, int scrape, long timestampMs) {
    ScrapeBatch.Builder batch =
        ScrapeBatch.newBuilder()
            .setTarget(Target.newBuilder().setKey("target-" + t))
            .setTimestampMs(timestampMs);
    List<String> symbols =
        List.of("", "__name__", "cpu", "mode", "idle", "user", "instance", "10.0.0." + t + ":9100",
            "job", "node", "pod", "node-exporter-" + t);
    batch.addAllSymbols(symbols);
    for (int name = 0; name < 50; name++) {
      batch.addSymbols("node_metric_" + name + "_total");
    }
    for (int cpu = 0; cpu < SERIES_PER_BATCH / 50; cpu++) {
      batch.addSymbols(Integer.toString(cpu));
    }
    int names = symbols.size();
    int cpus = names + 50;
    for (int s = 0; s < SERIES_PER_BATCH; s++) {
      batch.addSeries(
          Series.newBuilder()
              .setValueBits(Double.doubleToRawLongBits(s * 1.25 + t + scrape))
              .addAllLabelRefs(
                  List.of(
                      1, names + s % 50, 2, cpus + s / 50, 3, s % 2 == 0 ? 4 : 5, 6, 7, 8, 9, 10,
                      11)));
    }
    return batch.build();
  }

  /** Waits until group {@code group} committed the end of every partition. */
  void awaitCommitted(String group, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin = Admin.create(client)) {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
          .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
      Map<TopicPartition, Long> ends = new HashMap<>();
      admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
      while (!committed(admin, group, ends)) {
        if (System.nanoTime() > deadline) {
          throw new TimeoutException(group + " did not commit " + ends + " within " + timeout);
        }
        Thread.sleep(50);
      }
    }
  }

  private static boolean committed(Admin admin, String group, Map<TopicPartition, Long> ends)
      throws ExecutionException, InterruptedException {
    Map<TopicPartition, OffsetAndMetadata> offsets =
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    return ends.entrySet().stream()
        .allMatch(e -> offsets.get(e.getKey()) != null
            && offsets.get(e.getKey()).offset() >= e.getValue());
  }
}
