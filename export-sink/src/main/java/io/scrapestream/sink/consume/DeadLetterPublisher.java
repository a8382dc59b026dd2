package io.scrapestream.sink.consume;

import io.scrapestream.core.batch.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;

/**
 * Writes records that can never be exported to {@code dlq.<backend>}: the original key, bytes and
 * headers, plus the stage, the error and where the record came from (topic, partition, offset).
 * {@link #flush()} waits until they are stored, so the sink commits past them only when they are
 * safe. Used by the sink's loop thread only.
 */
public final class DeadLetterPublisher implements AutoCloseable {
  /**
   * How many samples (series) of the record the backend refused; the others were exported. A record
   * refused whole has all of its samples here (export-sink/DESIGN.md, "Bisection").
   */
  public static final String REJECTED_SAMPLES = "ss-dlq-rejected-samples";

  private final Producer<String, byte[]> producer;
  private final String topic;
  private final String stage;
  private final List<Future<RecordMetadata>> inFlight = new ArrayList<>();

  public DeadLetterPublisher(Producer<String, byte[]> producer, String topic, String stage) {
    this.producer = producer;
    this.topic = topic;
    this.stage = stage;
  }

  /** A record that does not decode. */
  void publish(ConsumerRecord<String, byte[]> record, String error) {
    send(record, error, null);
  }

  /** A record of which the backend refused {@code rejectedSamples} samples for good. */
  void publishRejected(ConsumerRecord<String, byte[]> record, String reason, long rejectedSamples) {
    send(record, reason, String.valueOf(rejectedSamples));
  }

  /** Waits until every dead letter sent so far is stored; fails loudly if one could not be. */
  void flush() {
    if (inFlight.isEmpty()) {
      return;
    }
    producer.flush();
    try {
      for (Future<RecordMetadata> future : inFlight) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while storing dead letters", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot store dead letters in " + topic, e.getCause());
    } finally {
      inFlight.clear();
    }
  }

  private void send(ConsumerRecord<String, byte[]> record, String message, String rejected) {
    ProducerRecord<String, byte[]> dead = new ProducerRecord<>(topic, record.key(), record.value());
    Headers headers = dead.headers();
    record.headers().forEach(headers::add);
    put(headers, DeadLetterHeaders.STAGE, stage);
    put(headers, DeadLetterHeaders.ERROR_CLASS, "rejected");
    put(headers, DeadLetterHeaders.ERROR_MESSAGE, message);
    put(headers, DeadLetterHeaders.SOURCE_TOPIC, record.topic());
    put(headers, DeadLetterHeaders.SOURCE_PARTITION, String.valueOf(record.partition()));
    put(headers, DeadLetterHeaders.SOURCE_OFFSET, String.valueOf(record.offset()));
    if (rejected != null) {
      put(headers, REJECTED_SAMPLES, rejected);
    }
    inFlight.add(producer.send(dead));
  }

  private static void put(Headers headers, String key, String value) {
    headers.remove(key);
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    producer.close();
  }
}
