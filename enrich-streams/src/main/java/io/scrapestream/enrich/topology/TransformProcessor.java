package io.scrapestream.enrich.topology;

import io.scrapestream.enrich.batch.IndexedBatch;
import io.scrapestream.enrich.transform.BatchTransformer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * One backend's branch: applies its transforms to a decoded copy of each enriched batch (the batch
 * is shared with the other branches) and forwards the new bytes to {@code out.<backend>}. A
 * transform that throws sends that record to {@code dlq.enrich}; the partition keeps flowing.
 */
final class TransformProcessor implements Processor<String, IndexedBatch, String, Object> {
  private final String backend;
  private final BatchTransformer transformer;
  private final String next;
  private final EnrichListener listener;
  private final DeadLetters deadLetters;
  private ProcessorContext<String, Object> context;

  /** Where the branch writes and reports. */
  record Wiring(String next, EnrichListener listener, DeadLetters deadLetters) {}

  TransformProcessor(String backend, BatchTransformer transformer, Wiring wiring) {
    this.backend = backend;
    this.transformer = transformer;
    this.next = wiring.next();
    this.listener = wiring.listener();
    this.deadLetters = wiring.deadLetters();
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, IndexedBatch> record) {
    BatchTransformer.Output output;
    try {
      output = transformer.transform(record.value());
    } catch (RuntimeException e) {
      DeadLetters.Rejection rejection = DeadLetters.Rejection.of(DeadLetterReason.FAILED, e);
      deadLetters.send(context, record, record.value().originalBytes(), rejection);
      return;
    }
    listener.transformed(backend, TransformOutcome.TRANSFORMED, output.written());
    if (output.dropped() > 0) {
      listener.transformed(backend, TransformOutcome.DROPPED, output.dropped());
    }
    if (output.limited() > 0) {
      listener.transformed(backend, TransformOutcome.LIMITED, output.limited());
    }
    context.forward(record.withValue(output.bytes()), next);
  }
}
