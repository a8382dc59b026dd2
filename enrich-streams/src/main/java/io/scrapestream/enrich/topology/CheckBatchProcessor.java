package io.scrapestream.enrich.topology;

import com.google.protobuf.InvalidProtocolBufferException;
import io.scrapestream.enrich.batch.BatchFormatException;
import io.scrapestream.enrich.batch.BatchScanner;
import io.scrapestream.enrich.batch.IndexedBatch;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Indexes each record value as a {@code ScrapeBatch} ({@link BatchScanner}) and forwards it to the
 * next stage; a value that does not decode, or breaks the batch contract, goes with provenance
 * headers to the dead-letter sink. A poison record never stops the partition. Every batch is
 * indexed into the same arrays ({@link BatchScanner#scanNext}): the batch of one record is done
 * with (serialized at the sinks) before the next record is processed.
 */
final class CheckBatchProcessor implements Processor<String, byte[], String, Object> {
  private final String next;
  private final DeadLetters deadLetters;
  private final BatchScanner scanner = BatchScanner.reusingIndex();
  private ProcessorContext<String, Object> context;

  CheckBatchProcessor(String next, DeadLetters deadLetters) {
    this.next = next;
    this.deadLetters = deadLetters;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, byte[]> record) {
    byte[] value = record.value();
    if (value == null) {
      deadLetters.send(
          context,
          record,
          null,
          new DeadLetters.Rejection(DeadLetterReason.UNDECODABLE, "record has no value"));
      return;
    }
    IndexedBatch batch;
    try {
      batch = scanner.scanNext(value);
    } catch (InvalidProtocolBufferException e) {
      deadLetters.send(
          context, record, value, DeadLetters.Rejection.of(DeadLetterReason.UNDECODABLE, e));
      return;
    } catch (BatchFormatException e) {
      deadLetters.send(
          context, record, value, DeadLetters.Rejection.of(DeadLetterReason.INVALID, e));
      return;
    }
    context.forward(record.withValue(batch), next);
  }
}
