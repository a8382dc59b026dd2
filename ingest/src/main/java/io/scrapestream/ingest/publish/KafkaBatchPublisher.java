package io.scrapestream.ingest.publish;

import io.scrapestream.core.batch.BatchRecords;
import io.scrapestream.schemas.v1.ScrapeBatch;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each scrape as one record of {@code samples.raw}, keyed by the target key, and tells
 * its {@link PublishListener} how long each took and why one failed.
 *
 * <p>Back-pressure: at most {@code maxInFlight} batches are unacknowledged at a time (a semaphore
 * released by the send callback), and no batch is accepted while the unacknowledged ones hold
 * {@code maxInFlightBytes} or more; past either bound {@link #publish} refuses the batch and {@link
 * #hasRoom()} is false, so an unreachable broker bounds memory instead of filling the producer's
 * buffer. The bytes are the bound that matters (a start-up burst of small batches must not be
 * skipped); the count only caps the callbacks outstanding. {@code max.block.ms} defaults to {@value
 * #MAX_BLOCK_MS} ms so that a send never holds a scrape thread for long when metadata cannot be
 * fetched; a send that fails as retryable (no metadata, a full buffer, a delivery timeout: the
 * broker is unreachable) pauses publishing for {@link #PAUSE_AFTER_FAILED_SEND}, after which the
 * next batch probes the broker again.
 */
public final class KafkaBatchPublisher implements BatchPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaBatchPublisher.class);
  private static final byte[] SCHEMA_VERSION =
      BatchRecords.SCHEMA_VERSION.getBytes(StandardCharsets.UTF_8);

  private final KafkaProducer<String, byte[]> producer;
  private final String topic;
  private final PublishListener listener;
  private final AtomicLong failures = new AtomicLong();
  private final Semaphore inFlight;
  private final int maxInFlight;
  private final AtomicLong inFlightBytes = new AtomicLong();
  private final long maxInFlightBytes;
  private final AtomicLong pausedUntilNanos = new AtomicLong(System.nanoTime());
  private volatile boolean topicKnown;

  /** How long {@link #hasRoom()} stays false after a send failed at once. */
  public static final Duration PAUSE_AFTER_FAILED_SEND = Duration.ofSeconds(1);

  /** Batches unacknowledged at a time unless told otherwise. */
  public static final int DEFAULT_MAX_IN_FLIGHT = 4096;

  /**
   * Bytes of unacknowledged batches past which no batch is accepted, unless told otherwise: the
   * producer's default {@code buffer.memory}, so a send never waits for buffer room.
   */
  public static final long DEFAULT_MAX_IN_FLIGHT_BYTES = 32L * 1024 * 1024;

  /** How long a send may block for metadata or buffer room, unless the properties say. */
  public static final String MAX_BLOCK_MS = "1000";

  /** A publisher that reports to nobody. */
  public KafkaBatchPublisher(Map<String, Object> producerProperties, String topic) {
    this(producerProperties, topic, PublishListener.NO_OP);
  }

  public KafkaBatchPublisher(
      Map<String, Object> producerProperties, String topic, PublishListener listener) {
    this(producerProperties, topic, listener, DEFAULT_MAX_IN_FLIGHT);
  }

  public KafkaBatchPublisher(
      Map<String, Object> producerProperties,
      String topic,
      PublishListener listener,
      int maxInFlight) {
    this(producerProperties, topic, listener, maxInFlight, DEFAULT_MAX_IN_FLIGHT_BYTES);
  }

  public KafkaBatchPublisher(
      Map<String, Object> producerProperties,
      String topic,
      PublishListener listener,
      int maxInFlight,
      long maxInFlightBytes) {
    if (maxInFlight < 1 || maxInFlightBytes < 1) {
      throw new IllegalArgumentException(
          "maxInFlight and maxInFlightBytes must be >= 1. Found: "
              + maxInFlight
              + ", "
              + maxInFlightBytes);
    }
    Map<String, Object> properties = new HashMap<>(producerProperties);
    properties.putIfAbsent("max.block.ms", MAX_BLOCK_MS);
    this.producer =
        new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    this.topic = topic;
    this.listener = listener;
    this.maxInFlight = maxInFlight;
    this.inFlight = new Semaphore(maxInFlight);
    this.maxInFlightBytes = maxInFlightBytes;
  }

  @Override
  public boolean hasRoom() {
    return inFlight.availablePermits() > 0
        && inFlightBytes.get() < maxInFlightBytes
        && System.nanoTime() - pausedUntilNanos.get() >= 0
        && topicKnown();
  }

  /**
   * Whether the producer has the topic's metadata; until it has, asks for it (waiting up to {@code
   * max.block.ms}) and pauses like a failed send when it does not come. A scrape taken before then
   * would fail to send and be lost; refused, it is skipped and counted.
   */
  private boolean topicKnown() {
    if (topicKnown) {
      return true;
    }
    try {
      producer.partitionsFor(topic);
      topicKnown = true;
    } catch (KafkaException e) {
      pausedUntilNanos.set(System.nanoTime() + PAUSE_AFTER_FAILED_SEND.toNanos());
      LOG.info("no metadata for {} yet ({}); scrapes wait for it", topic, e.getMessage());
    }
    return topicKnown;
  }

  /** Bytes of the batches handed to the producer and not yet acknowledged or failed. */
  public long inFlightBytes() {
    return inFlightBytes.get();
  }

  /** Batches handed to the producer and not yet acknowledged or failed. */
  public int inFlight() {
    return maxInFlight - inFlight.availablePermits();
  }

  @Override
  public boolean publish(ScrapeBatch batch) {
    return publish(EncodedBatch.of(batch));
  }

  /** Sends the bytes as they are: the record value is {@code batch.bytes()}. */
  @Override
  public boolean publish(EncodedBatch batch) {
    if (!hasRoom() || !inFlight.tryAcquire()) {
      return false;
    }
    inFlightBytes.addAndGet(batch.bytes().length);
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, batch.key(), batch.bytes());
    record.headers().add(BatchRecords.SCHEMA_HEADER, SCHEMA_VERSION);
    long start = System.nanoTime();
    try {
      producer.send(record, (metadata, error) -> completed(batch, start, error));
    } catch (RuntimeException e) {
      completed(batch, start, e);
    }
    return true;
  }

  /** Called once per accepted batch: gives its permit back and reports the outcome. */
  private void completed(EncodedBatch batch, long startNanos, Exception error) {
    inFlightBytes.addAndGet(-batch.bytes().length);
    inFlight.release();
    Duration latency = Duration.ofNanos(System.nanoTime() - startNanos);
    if (error == null) {
      listener.published(latency, Optional.empty());
    } else {
      failed(batch, latency, error);
    }
  }

  private void failed(EncodedBatch batch, Duration latency, Exception error) {
    PublishFailure failure = PublishFailure.classify(error);
    if (failure == PublishFailure.RETRYABLE) {
      pausedUntilNanos.set(System.nanoTime() + PAUSE_AFTER_FAILED_SEND.toNanos());
    }
    listener.published(latency, Optional.of(failure));
    if (failures.getAndIncrement() % 100 == 0) {
      LOG.warn(
          "cannot publish scrape of target {} to {} ({}; {} failures so far)",
          batch.scrapeUrl(),
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
