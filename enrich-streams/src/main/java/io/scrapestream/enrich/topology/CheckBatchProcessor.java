package io.scrapestream.enrich.topology;

import io.scrapestream.core.batch.DeadLetterHeaders;
import io.scrapestream.schemas.v1.ScrapeBatch;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Forwards records that decode as a {@code ScrapeBatch} to one child and the rest, with provenance
 * headers, to the dead-letter child. A poison record never stops the partition.
 */
final class CheckBatchProcessor implements Processor<String, byte[], String, byte[]> {
  private final String okChild;
  private final String deadLetterChild;
  private final String stage;
  private ProcessorContext<String, byte[]> context;

  CheckBatchProcessor(String okChild, String deadLetterChild, String stage) {
    this.okChild = okChild;
    this.deadLetterChild = deadLetterChild;
    this.stage = stage;
  }

  @Override
  public void init(ProcessorContext<String, byte[]> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, byte[]> record) {
    try {
      if (record.value() == null) {
        throw new IllegalArgumentException("record has no value");
      }
      ScrapeBatch.parseFrom(record.value());
      context.forward(record, okChild);
    } catch (Exception e) {
      context.forward(record.withHeaders(deadLetter(record.headers(), e)), deadLetterChild);
    }
  }

  private Headers deadLetter(Headers original, Exception error) {
    Headers headers =
        new org.apache.kafka.common.header.internals.RecordHeaders(original.toArray());
    put(headers, DeadLetterHeaders.STAGE, stage);
    put(headers, DeadLetterHeaders.ERROR_CLASS, "rejected");
    put(
        headers,
        DeadLetterHeaders.ERROR_MESSAGE,
        error.getClass().getSimpleName() + ": " + error.getMessage());
    context
        .recordMetadata()
        .ifPresent(
            (RecordMetadata meta) -> {
              put(headers, DeadLetterHeaders.SOURCE_TOPIC, meta.topic());
              put(headers, DeadLetterHeaders.SOURCE_PARTITION, String.valueOf(meta.partition()));
              put(headers, DeadLetterHeaders.SOURCE_OFFSET, String.valueOf(meta.offset()));
            });
    return headers;
  }

  private static void put(Headers headers, String key, String value) {
    headers.remove(key);
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  }
}
