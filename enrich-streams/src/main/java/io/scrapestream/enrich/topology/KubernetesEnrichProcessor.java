package io.scrapestream.enrich.topology;

import com.google.protobuf.InvalidProtocolBufferException;
import io.scrapestream.enrich.batch.IndexedBatch;
import io.scrapestream.enrich.kubernetes.BatchEnricher;
import io.scrapestream.enrich.kubernetes.MetadataLookup;
import io.scrapestream.schemas.v1.K8sObject;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kubernetes enrichment stage: one lookup per batch in the global {@code k8s.metadata} store
 * (Processor API, never a join per sample), resource attributes attached once per batch.
 */
final class KubernetesEnrichProcessor implements Processor<String, IndexedBatch, String, Object> {
  private static final Logger LOG = LoggerFactory.getLogger(KubernetesEnrichProcessor.class);

  private final BatchEnricher enricher;
  private final String tableName;
  private final String next;
  private final EnrichListener listener;
  private final DeadLetters deadLetters;
  private ProcessorContext<String, Object> context;
  private MetadataLookup lookup = key -> Optional.empty();
  private long unreadable;

  /** The stage's wiring: the global store (null when off), the next node, where to report. */
  record Wiring(String tableName, String next, EnrichListener listener, DeadLetters deadLetters) {}

  KubernetesEnrichProcessor(BatchEnricher enricher, Wiring wiring) {
    this.enricher = enricher;
    this.tableName = wiring.tableName();
    this.next = wiring.next();
    this.listener = wiring.listener();
    this.deadLetters = wiring.deadLetters();
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    if (tableName != null) {
      ReadOnlyKeyValueStore<String, byte[]> table = context.getStateStore(tableName);
      lookup = key -> decode(key, table.get(key));
    }
  }

  @Override
  public void process(Record<String, IndexedBatch> record) {
    IndexedBatch batch = record.value();
    BatchEnricher.Lookup outcome;
    try {
      outcome = enricher.enrich(batch, lookup);
    } catch (RuntimeException e) {
      DeadLetters.Rejection rejection = DeadLetters.Rejection.of(DeadLetterReason.FAILED, e);
      deadLetters.send(context, record, batch.originalBytes(), rejection);
      return;
    }
    if (outcome != BatchEnricher.Lookup.OFF) {
      listener.kubernetesLookup(outcome == BatchEnricher.Lookup.HIT);
    }
    context.forward(record, next);
  }

  private Optional<K8sObject> decode(String key, byte[] value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(K8sObject.parseFrom(value));
    } catch (InvalidProtocolBufferException e) {
      if (unreadable++ % 1000 == 0) {
        LOG.warn("enrich: k8s.metadata entry {} does not decode; treated as absent", key, e);
      }
      return Optional.empty();
    }
  }
}
