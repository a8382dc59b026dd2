package io.scrapestream.enrich.batch;

import org.apache.kafka.common.serialization.Serializer;

/** Writes {@link IndexedBatch} record values with {@link BatchEncoder}. */
public final class IndexedBatchSerializer implements Serializer<IndexedBatch> {
  @Override
  public byte[] serialize(String topic, IndexedBatch batch) {
    return batch == null ? null : BatchEncoder.encode(batch);
  }
}
