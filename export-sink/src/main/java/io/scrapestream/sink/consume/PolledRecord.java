package io.scrapestream.sink.consume;

import com.google.protobuf.InvalidProtocolBufferException;
import io.scrapestream.schemas.v1.ScrapeBatch;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record read from Kafka, kept until committed: the original (its bytes go to the dead-letter
 * topic as they are) and its batch, or why it does not decode.
 */
record PolledRecord(ConsumerRecord<String, byte[]> record, ScrapeBatch batch, String decodeError) {
  PolledRecord {
    Objects.requireNonNull(record, "record");
    if ((batch == null) == (decodeError == null)) {
      throw new IllegalArgumentException("exactly one of batch and decodeError must be given");
    }
  }

  /** The record with its batch decoded, or why it does not decode. */
  static PolledRecord of(ConsumerRecord<String, byte[]> record) {
    try {
      return decoded(record, ScrapeBatch.parseFrom(record.value()));
    } catch (InvalidProtocolBufferException | NullPointerException e) {
      return undecodable(record, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  static PolledRecord decoded(ConsumerRecord<String, byte[]> record, ScrapeBatch batch) {
    return new PolledRecord(record, batch, null);
  }

  static PolledRecord undecodable(ConsumerRecord<String, byte[]> record, String error) {
    return new PolledRecord(record, null, error);
  }

  long offset() {
    return record.offset();
  }

  /** Its samples (series); none when it does not decode. */
  int samples() {
    return batch == null ? 0 : batch.getSeriesCount();
  }

  /** The scrape's timestamp, or the record's when the batch does not decode. */
  long timestampMs() {
    return batch == null ? record.timestamp() : batch.getTimestampMs();
  }
}
