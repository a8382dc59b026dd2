package io.scrapestream.enrich.topology;

import io.scrapestream.enrich.batch.IndexedBatch;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The end of enrichment: counts each batch and forwards it to every child — the {@code
 * samples.enriched} sink, and the per-backend branches that attach here.
 */
final class EnrichedBatchesProcessor
    implements Processor<String, IndexedBatch, String, IndexedBatch> {
  private final EnrichListener listener;
  private ProcessorContext<String, IndexedBatch> context;

  EnrichedBatchesProcessor(EnrichListener listener) {
    this.listener = listener;
  }

  @Override
  public void init(ProcessorContext<String, IndexedBatch> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, IndexedBatch> record) {
    listener.batchWritten(record.value().seriesCount());
    context.forward(record);
  }
}
