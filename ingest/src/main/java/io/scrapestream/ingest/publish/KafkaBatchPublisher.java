package io.scrapestream.ingest.publish;

import io.scrapestream.core.batch.BatchRecords;
import io.scrapestream.schemas.v1.ScrapeBatch;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes each scrape as one record of {@code samples.raw}, keyed by the target key. */
public final class KafkaBatchPublisher implements BatchPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaBatchPublisher.class);

  private final KafkaProducer<String, byte[]> producer;
  private final String topic;
  private final AtomicLong failures = new AtomicLong();

  public KafkaBatchPublisher(Map<String, Object> producerProperties, String topic) {
    this.producer =
        new KafkaProducer<>(producerProperties, new StringSerializer(), new ByteArraySerializer());
    this.topic = topic;
  }

  @Override
  public void publish(ScrapeBatch batch) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(topic, batch.getTarget().getKey(), batch.toByteArray());
    record
        .headers()
        .add(
            BatchRecords.SCHEMA_HEADER,
            BatchRecords.SCHEMA_VERSION.getBytes(StandardCharsets.UTF_8));
    producer.send(
        record,
        (metadata, error) -> {
          if (error != null && failures.getAndIncrement() % 100 == 0) {
            LOG.warn(
                "cannot publish scrape of target {} to {} ({} failures so far)",
                batch.getTarget().getScrapeUrl(),
                topic,
                failures.get(),
                error);
          }
        });
  }

  /** Publishes that failed after the producer's own retries. */
  public long failures() {
    return failures.get();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
