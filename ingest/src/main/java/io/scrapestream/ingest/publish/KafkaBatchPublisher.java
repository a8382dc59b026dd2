package io.scrapestream.ingest.publish;

import io.scrapestream.core.batch.BatchRecords;
import io.scrapestream.schemas.v1.ScrapeBatch;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each scrape as one record of {@code samples.raw}, keyed by the target key, and tells
 * its {@link PublishListener} how long each took and why one failed.
 */
public final class KafkaBatchPublisher implements BatchPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaBatchPublisher.class);

  private final KafkaProducer<String, byte[]> producer;
  private final String topic;
  private final PublishListener listener;
  private final AtomicLong failures = new AtomicLong();

  /** A publisher that reports to nobody. */
  public KafkaBatchPublisher(Map<String, Object> producerProperties, String topic) {
    this(producerProperties, topic, PublishListener.NO_OP);
  }

  public KafkaBatchPublisher(
      Map<String, Object> producerProperties, String topic, PublishListener listener) {
    this.producer =
        new KafkaProducer<>(producerProperties, new StringSerializer(), new ByteArraySerializer());
    this.topic = topic;
    this.listener = listener;
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
    long start = System.nanoTime();
    try {
      producer.send(
          record,
          (metadata, error) -> {
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            if (error == null) {
              listener.published(latency, Optional.empty());
            } else {
              failed(batch, latency, error);
            }
          });
    } catch (RuntimeException e) {
      failed(batch, Duration.ofNanos(System.nanoTime() - start), e);
    }
  }

  private void failed(ScrapeBatch batch, Duration latency, Exception error) {
    PublishFailure failure = PublishFailure.classify(error);
    listener.published(latency, Optional.of(failure));
    if (failures.getAndIncrement() % 100 == 0) {
      LOG.warn(
          "cannot publish scrape of target {} to {} ({}; {} failures so far)",
          batch.getTarget().getScrapeUrl(),
          topic,
          failure.label(),
          failures.get(),
          error);
    }
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
