package io.scrapestream.sink.faults;

import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.sink.ScrapeBatchBuilder;
import io.scrapestream.testsupport.faults.SampleKeyer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code targets × scrapes} ScrapeBatch records of {@code seriesPerScrape} series each; every
 * sample has the scrape's own timestamp and the scrape's sequence number as value, so a receiver
 * can count exactly which samples arrived and how often ({@link #sampleKey}).
 */
record SequenceWorkload(int targets, int scrapes, int seriesPerScrape, long startMs) {
  /** Counts every stored sample by {@link #sampleKey}: its labels without the name. */
  static final SampleKeyer KEYER =
      (labels, timestampMs, value) ->
          Optional.of(
              sampleKey(
                  labels.entrySet().stream()
                      .filter(label -> !label.getKey().equals("__name__"))
                      .map(label -> label.getKey() + "=" + label.getValue())
                      .collect(Collectors.joining(",")),
                  timestampMs,
                  value));

  /** Bytes that are not a ScrapeBatch: a varint that never ends. */
  static final byte[] POISON = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};

  SequenceWorkload {
    if (targets < 1 || scrapes < 1 || seriesPerScrape < 1) {
      throw new IllegalArgumentException(
          "targets, scrapes and seriesPerScrape must be >= 1. Found: "
              + List.of(targets, scrapes, seriesPerScrape));
    }
  }

  int samples() {
    return targets * scrapes * seriesPerScrape;
  }

  static void createTopic(Map<String, Object> client, String topic, int partitions)
      throws ExecutionException, InterruptedException {
    try (Admin admin = Admin.create(client)) {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
    }
  }

  /** Creates {@code topic} with {@code partitions} partitions and writes the whole workload. */
  void fill(Map<String, Object> client, String topic, int partitions)
      throws ExecutionException, InterruptedException {
    createTopic(client, topic, partitions);
    try (KafkaProducer<String, byte[]> producer = producer(client)) {
      produce(producer, topic, 0, scrapes);
    }
  }

  ScrapeBatch batch(int target, int scrape) {
    ScrapeBatchBuilder builder = ScrapeBatchBuilder.batch("t" + target, startMs + scrape * 1000L);
    for (int s = 0; s < seriesPerScrape; s++) {
      builder.sample(scrape, "__name__", "seq", "series", "s" + s, "target", "t" + target);
    }
    return builder.build();
  }

  /** Sends scrapes {@code [from, to)} of every target, in scrape order. */
  void produce(KafkaProducer<String, byte[]> producer, String topic, int from, int to)
      throws ExecutionException, InterruptedException {
    for (int scrape = from; scrape < to; scrape++) {
      for (int target = 0; target < targets; target++) {
        ScrapeBatch batch = batch(target, scrape);
        producer.send(new ProducerRecord<>(topic, batch.getTarget().getKey(), batch.toByteArray()));
      }
    }
    producer.flush();
  }

  static RecordMetadata producePoison(KafkaProducer<String, byte[]> producer, String topic)
      throws ExecutionException, InterruptedException {
    return producer.send(new ProducerRecord<>(topic, "t0", POISON)).get();
  }

  /** Every sample the backend must end up with. */
  Set<String> expected() {
    Set<String> keys = new HashSet<>();
    for (int target = 0; target < targets; target++) {
      for (int scrape = 0; scrape < scrapes; scrape++) {
        for (int s = 0; s < seriesPerScrape; s++) {
          keys.add(
              sampleKey("series=s" + s + ",target=t" + target, startMs + scrape * 1000L, scrape));
        }
      }
    }
    return keys;
  }

  /** The identity of one sample: its labels without {@code __name__}, timestamp and value. */
  static String sampleKey(String labels, long timestampMs, double value) {
    return labels + "@" + timestampMs + "=" + value;
  }

  /**
   * One request in flight: a first batch refused by a partition whose leader is not yet elected is
   * retried alone, instead of behind later batches that the broker then refuses as out of order.
   */
  static KafkaProducer<String, byte[]> producer(Map<String, Object> client) {
    Map<String, Object> properties = new HashMap<>(client);
    properties.put("max.in.flight.requests.per.connection", "1");
    return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
  }
}
