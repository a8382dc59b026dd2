package io.scrapestream.enrich.topology;

import io.scrapestream.core.batch.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a rejected record's original key and bytes to the dead-letter sink with provenance headers
 * (stage, error class {@code rejected}, message, source topic/partition/offset), so the partition
 * keeps flowing.
 */
final class DeadLetters {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
  private static final String STAGE = "enrich";
  private static final String ERROR_CLASS = "rejected";

  private final String child;
  private final EnrichListener listener;
  private long sent;

  DeadLetters(String child, EnrichListener listener) {
    this.child = child;
    this.listener = listener;
  }

  void send(
      ProcessorContext<String, Object> context,
      Record<String, ?> record,
      byte[] value,
      Rejection rejection) {
    Headers headers = new RecordHeaders(record.headers().toArray());
    put(headers, DeadLetterHeaders.STAGE, STAGE);
    put(headers, DeadLetterHeaders.ERROR_CLASS, ERROR_CLASS);
    put(headers, DeadLetterHeaders.ERROR_MESSAGE, rejection.message());
    context
        .recordMetadata()
        .ifPresent(
            meta -> {
              put(headers, DeadLetterHeaders.SOURCE_TOPIC, meta.topic());
              put(headers, DeadLetterHeaders.SOURCE_PARTITION, String.valueOf(meta.partition()));
              put(headers, DeadLetterHeaders.SOURCE_OFFSET, String.valueOf(meta.offset()));
            });
    context.forward(new Record<>(record.key(), value, record.timestamp(), headers), child);
    listener.deadLettered(rejection.reason());
    if (sent++ % 1000 == 0) {
      LOG.warn(
          "enrich: record of target {} sent to the dead-letter topic ({} so far by this task): {}",
          record.key(),
          sent,
          rejection.message());
    }
  }

  /** Why a record is rejected: the reason (metric label) and the message (header). */
  record Rejection(DeadLetterReason reason, String message) {
    static Rejection of(DeadLetterReason reason, Exception error) {
      return new Rejection(reason, error.getClass().getSimpleName() + ": " + error.getMessage());
    }
  }

  private static void put(Headers headers, String key, String value) {
    headers.remove(key);
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  }
}
