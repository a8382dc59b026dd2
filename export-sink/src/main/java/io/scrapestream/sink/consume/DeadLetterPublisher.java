package io.scrapestream.sink.consume;

import io.scrapestream.core.batch.BatchRecords;
import io.scrapestream.core.batch.DeadLetterHeaders;
import io.scrapestream.schemas.v1.ScrapeBatch;
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
 * Writes records that can never be exported to {@code dlq.<backend>}: the original key and bytes,
 * with the stage, the error and where the record came from. {@link #flush()} waits until they are
 * stored, so the sink commits past them only when they are safe.
 */
public final class DeadLetterPublisher implements AutoCloseable {
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
  void publish(ConsumerRecord<String, byte[]> record, Exception error) {
    ProducerRecord<String, byte[]> dead = new ProducerRecord<>(topic, record.key(), record.value());
    Headers headers = dead.headers();
    record.headers().forEach(header -> headers.add(header));
    describe(headers, error.getClass().getSimpleName() + ": " + error.getMessage());
    put(headers, DeadLetterHeaders.SOURCE_TOPIC, record.topic());
    put(headers, DeadLetterHeaders.SOURCE_PARTITION, String.valueOf(record.partition()));
    put(headers, DeadLetterHeaders.SOURCE_OFFSET, String.valueOf(record.offset()));
    inFlight.add(producer.send(dead));
  }

  /** A batch the backend refused for good. */
  void publishRejected(ScrapeBatch batch, String reason) {
    ProducerRecord<String, byte[]> dead =
        new ProducerRecord<>(topic, batch.getTarget().getKey(), batch.toByteArray());
    put(dead.headers(), BatchRecords.SCHEMA_HEADER, BatchRecords.SCHEMA_VERSION);
    describe(dead.headers(), reason);
    inFlight.add(producer.send(dead));
  }

  /** Waits until every dead letter sent so far is stored; fails loudly if one could not be. */
  void flush() {
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

  private void describe(Headers headers, String message) {
    put(headers, DeadLetterHeaders.STAGE, stage);
    put(headers, DeadLetterHeaders.ERROR_CLASS, "rejected");
    put(headers, DeadLetterHeaders.ERROR_MESSAGE, message);
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
