package io.scrapestream.sink.consume;

import com.google.protobuf.InvalidProtocolBufferException;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.sink.series.FlatBatch;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record read from Kafka, kept until committed: the original (its bytes go to the dead-letter
 * topic as they are) and its batch, decoded once into columns ({@link FlatBatch}), or why it does
 * not decode.
 */
record PolledRecord(ConsumerRecord<String, byte[]> record, FlatBatch source, String decodeError) {
  PolledRecord {
    Objects.requireNonNull(record, "record");
    if ((source == null) == (decodeError == null)) {
      throw new IllegalArgumentException("exactly one of source and decodeError must be given");
    }
  }

  /** The record with its batch decoded, or why it does not decode. */
  static PolledRecord of(ConsumerRecord<String, byte[]> record) {
    try {
      return new PolledRecord(record, FlatBatch.decode(record.value()), null);
    } catch (InvalidProtocolBufferException | NullPointerException e) {
      return undecodable(record, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  static PolledRecord decoded(ConsumerRecord<String, byte[]> record, ScrapeBatch batch) {
    return new PolledRecord(record, FlatBatch.of(batch), null);
  }

  static PolledRecord undecodable(ConsumerRecord<String, byte[]> record, String error) {
    return new PolledRecord(record, null, error);
  }

  /** Whether the record decodes. */
  boolean decodes() {
    return source != null;
  }

  /** The batch as a message (parsed at the first call); null when it does not decode. */
  ScrapeBatch batch() {
    return source == null ? null : source.message();
  }

  long offset() {
    return record.offset();
  }

  /** Its samples (series); none when it does not decode. */
  int samples() {
    return source == null ? 0 : source.seriesCount();
  }

  /** The scrape's timestamp, or the record's when the batch does not decode. */
  long timestampMs() {
    return source == null ? record.timestamp() : source.timestampMs();
  }
}
