package io.scrapestream.sink.benchmark;

import io.scrapestream.schemas.v1.MetricFamilyMetadata;
import io.scrapestream.schemas.v1.MetricType;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import io.scrapestream.schemas.v1.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The benchmark's input topic: scrapes of 500 series from 20 node_exporter-like targets, 15 s
 * apart and ending now, so that every backend accepts them, with the metadata (type, help) of their
 * 50 metric families, as a scrape carries it.
 */
final class BenchTopic {
  static final int SERIES_PER_BATCH = 500;
  private static final int TARGETS = 20;

  private final Map<String, Object> client;
  private final String topic;
  private int recordsPerRound;

  BenchTopic(String bootstrapServers, String topic) {
    this.client = Map.of("bootstrap.servers", bootstrapServers);
    this.topic = topic;
  }

  /** The records of one round. */
  int recordsPerRound() {
    return recordsPerRound;
  }

  /**
   * Creates the topic and writes {@code rounds} rounds of at least {@code samples} samples each,
   * one after the other (a round: {@code samples / 10000} scrapes of every target); answers, per
   * round, the offset of every partition that ends it: its mark.
   */
  List<Map<TopicPartition, Long>> fill(int samples, int rounds, int partitions)
      throws ExecutionException, InterruptedException {
    try (Admin admin = Admin.create(client)) {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
    }
    Map<String, Object> properties = new HashMap<>(client);
    properties.put("max.in.flight.requests.per.connection", "1");
    properties.put("linger.ms", "20");
    properties.put("compression.type", System.getProperty("bench.compression", "none"));
    int scrapes = (samples + TARGETS * SERIES_PER_BATCH - 1) / (TARGETS * SERIES_PER_BATCH);
    recordsPerRound = scrapes * TARGETS;
    List<Map<TopicPartition, Long>> lastOffsets = new ArrayList<>();
    long end = System.currentTimeMillis();
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer())) {
      for (int round = 0; round < rounds; round++) {
        Map<TopicPartition, Long> last = new ConcurrentHashMap<>();
        lastOffsets.add(last);
        for (int scrape = round * scrapes; scrape < (round + 1) * scrapes; scrape++) {
          long timestampMs = end - ((long) rounds * scrapes - scrape) * 15_000L;
          send(producer, scrape, timestampMs, last);
        }
      }
      producer.flush();
    }
    return marks(lastOffsets);
  }

  private void send(
      KafkaProducer<String, byte[]> producer,
      int scrape,
      long timestampMs,
      Map<TopicPartition, Long> last) {
    for (int t = 0; t < TARGETS; t++) {
      ScrapeBatch batch = batch(t, scrape, timestampMs);
      producer.send(
          new ProducerRecord<>(topic, batch.getTarget().getKey(), batch.toByteArray()),
          (metadata, e) -> {
            if (e == null) {
              last.merge(
                  new TopicPartition(topic, metadata.partition()), metadata.offset(), Math::max);
            }
          });
    }
  }

  /** Per round, the offset after its last record in every partition written so far. */
  private static List<Map<TopicPartition, Long>> marks(List<Map<TopicPartition, Long>> last) {
    List<Map<TopicPartition, Long>> marks = new ArrayList<>();
    Map<TopicPartition, Long> mark = new HashMap<>();
    for (Map<TopicPartition, Long> round : last) {
      round.forEach((partition, offset) -> mark.merge(partition, offset + 1, Math::max));
      marks.add(Map.copyOf(mark));
    }
    return marks;
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
    int helps = cpus + SERIES_PER_BATCH / 50;
    for (int name = 0; name < 50; name++) {
      batch.addSymbols("Node metric " + name + ": seconds the CPUs spent in each mode.");
      batch.addMetadata(
          MetricFamilyMetadata.newBuilder()
              .setNameRef(names + name)
              .setType(MetricType.METRIC_TYPE_COUNTER)
              .setHelpRef(helps + name));
    }
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

  /** Waits until group {@code group} committed at least {@code mark} in every partition. */
  void awaitCommitted(String group, Map<TopicPartition, Long> mark, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin = Admin.create(client)) {
      while (!committed(admin, group, mark)) {
        if (System.nanoTime() > deadline) {
          throw new TimeoutException(group + " did not commit " + mark + " within " + timeout);
        }
        Thread.sleep(20);
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
