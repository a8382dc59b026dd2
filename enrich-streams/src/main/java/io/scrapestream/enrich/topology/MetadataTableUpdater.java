package io.scrapestream.enrich.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the global {@code k8s.metadata} store equal to the compacted topic: a value replaces the
 * entry, a tombstone deletes it. Values are kept as bytes (as a restore copies them) and decoded
 * when looked up.
 */
final class MetadataTableUpdater implements Processor<String, byte[], Void, Void> {
  private final String storeName;
  private KeyValueStore<String, byte[]> store;

  MetadataTableUpdater(String storeName) {
    this.storeName = storeName;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    if (record.key() == null) {
      return;
    }
    if (record.value() == null) {
      store.delete(record.key());
    } else {
      store.put(record.key(), record.value());
    }
  }
}
