package io.scrapestream.enrich.topology;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;

/**
 * The enrichment application, read top to bottom: raw scrape batches are checked and written to
 * {@code samples.enriched} unchanged (their bytes are not re-encoded); records that do not decode
 * go to {@code dlq.enrich}. Staleness, Kubernetes metadata and per-backend branches come next.
 */
public final class EnrichTopology {
  public static final String READ_SAMPLES_RAW = "read-samples-raw";
  public static final String CHECK_BATCH = "check-batch";
  public static final String WRITE_SAMPLES_ENRICHED = "write-samples-enriched";
  public static final String WRITE_DLQ = "write-dlq-enrich";

  private final String rawTopic;
  private final String enrichedTopic;
  private final String deadLetterTopic;

  public EnrichTopology(String rawTopic, String enrichedTopic, String deadLetterTopic) {
    this.rawTopic = rawTopic;
    this.enrichedTopic = enrichedTopic;
    this.deadLetterTopic = deadLetterTopic;
  }

  public Topology build() {
    Topology topology = new Topology();
    topology.addSource(
        READ_SAMPLES_RAW, new StringDeserializer(), new ByteArrayDeserializer(), rawTopic);
    topology.addProcessor(
        CHECK_BATCH,
        () -> new CheckBatchProcessor(WRITE_SAMPLES_ENRICHED, WRITE_DLQ, "enrich"),
        READ_SAMPLES_RAW);
    topology.addSink(
        WRITE_SAMPLES_ENRICHED,
        enrichedTopic,
        new StringSerializer(),
        new ByteArraySerializer(),
        CHECK_BATCH);
    topology.addSink(
        WRITE_DLQ, deadLetterTopic, new StringSerializer(), new ByteArraySerializer(), CHECK_BATCH);
    return topology;
  }
}
