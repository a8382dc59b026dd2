package io.scrapestream.it.faults;

import com.google.protobuf.InvalidProtocolBufferException;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.testsupport.kafka.KafkaFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Every scrape that reached {@code samples.raw}: which target (record key), which scraper and when
 * (the batch's scrape timestamp), read by a consumer thread from the start of the topic.
 */
public final class ScrapeLedger implements AutoCloseable {
  /** One scrape: target key, the scraper that took it, its timestamp. */
  public record Scrape(String key, String scraper, long timestampMs) {}

  private final List<Scrape> scrapes = new CopyOnWriteArrayList<>();
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Thread thread;

  private ScrapeLedger(KafkaConsumer<byte[], byte[]> consumer, String topic) {
    this.consumer = consumer;
    consumer.subscribe(List.of(topic));
    thread = new Thread(this::run, "scrape-ledger");
    thread.setDaemon(true);
    thread.start();
  }

  /** Creates {@code topic} (3 partitions) and starts reading it. */
  public static ScrapeLedger start(KafkaFixture.Broker broker, String topic, String group)
      throws InterruptedException, ExecutionException {
    try (Admin admin = Admin.create(Map.<String, Object>copyOf(broker.clientProperties()))) {
      admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
    }
    Properties props = new Properties();
    props.putAll(broker.clientProperties());
    props.put("group.id", group);
    props.put("auto.offset.reset", "earliest");
    props.put("key.deserializer", ByteArrayDeserializer.class.getName());
    props.put("value.deserializer", ByteArrayDeserializer.class.getName());
    return new ScrapeLedger(new KafkaConsumer<>(props), topic);
  }

  private void run() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          ScrapeBatch batch = parse(record.value());
          if (!batch.hasChunk() || batch.getChunk().getIndex() == 0) {
            scrapes.add(
                new Scrape(
                    batch.getTarget().getKey(),
                    batch.getReport().getScraperId(),
                    batch.getTimestampMs()));
          }
        }
      }
    } catch (WakeupException e) {
      // closing
    } finally {
      consumer.close();
    }
  }

  private static ScrapeBatch parse(byte[] value) {
    try {
      return ScrapeBatch.parseFrom(value);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("samples.raw holds a record that is not a ScrapeBatch", e);
    }
  }

  public List<Scrape> scrapes() {
    return List.copyOf(scrapes);
  }

  /** Per target key, the scrapers that scraped it with a timestamp in {@code [from, to)}. */
  public Map<String, Set<String>> scrapersBetween(long fromMs, long toMs) {
    Map<String, Set<String>> byKey = new HashMap<>();
    for (Scrape scrape : scrapes) {
      if (scrape.timestampMs() >= fromMs && scrape.timestampMs() < toMs) {
        byKey.computeIfAbsent(scrape.key(), k -> new TreeSet<>()).add(scrape.scraper());
      }
    }
    return byKey;
  }

  /** The timestamps of {@code key}'s scrapes, in order. */
  public List<Long> timestamps(String key) {
    List<Long> times = new ArrayList<>();
    scrapes.stream().filter(s -> s.key().equals(key)).forEach(s -> times.add(s.timestampMs()));
    times.sort(Long::compare);
    return times;
  }

  @Override
  public void close() throws InterruptedException {
    consumer.wakeup();
    thread.join(10_000);
  }
}
