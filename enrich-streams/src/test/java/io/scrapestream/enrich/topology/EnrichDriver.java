package io.scrapestream.enrich.topology;

import io.scrapestream.core.config.EnrichSettings;
import io.scrapestream.enrich.RecordingListener;
import io.scrapestream.schemas.v1.K8sObject;
import io.scrapestream.schemas.v1.ScrapeBatch;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.test.TestRecord;

/** A {@link TopologyTestDriver} around {@link EnrichTopology}, with its topics at hand. */
final class EnrichDriver implements AutoCloseable {
  static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
  static final Duration PUNCTUATE = Duration.ofSeconds(5);
  static final EnrichTopics TOPICS = new EnrichTopics("raw", "enriched", "dlq", "k8s");

  final TopologyTestDriver driver;
  final RecordingListener listener = new RecordingListener();
  final TestInputTopic<String, byte[]> raw;
  final TestInputTopic<String, byte[]> metadata;
  final TestOutputTopic<String, byte[]> enriched;
  final TestOutputTopic<String, byte[]> deadLetters;

  EnrichDriver(EnrichSettings settings, Path stateDir) {
    this(settings, stateDir, null);
  }

  /** With the staleness store from {@code seriesStore} when not null. */
  EnrichDriver(EnrichSettings settings, Path stateDir, KeyValueBytesStoreSupplier seriesStore) {
    Properties props = new Properties();
    props.put("application.id", "enrich-topology-test");
    props.put("bootstrap.servers", "unused:9092");
    props.put("state.dir", stateDir.toString());
    EnrichTopology topology = new EnrichTopology(TOPICS, settings, PUNCTUATE, listener);
    if (seriesStore != null) {
      topology.withSeriesStore(seriesStore);
    }
    driver = new TopologyTestDriver(topology.build(), props, T0);
    raw = driver.createInputTopic("raw", new StringSerializer(), new ByteArraySerializer());
    metadata = driver.createInputTopic("k8s", new StringSerializer(), new ByteArraySerializer());
    enriched =
        driver.createOutputTopic("enriched", new StringDeserializer(), new ByteArrayDeserializer());
    deadLetters =
        driver.createOutputTopic("dlq", new StringDeserializer(), new ByteArrayDeserializer());
  }

  void pipe(io.scrapestream.enrich.Batches.Builder batch) {
    pipe(batch.build());
  }

  void pipe(ScrapeBatch batch) {
    raw.pipeInput(batch.getTarget().getKey(), batch.toByteArray());
  }

  void metadata(String key, K8sObject object) {
    metadata.pipeInput(key, object == null ? null : object.toByteArray());
  }

  /** Everything written to samples.enriched since the last call, decoded. */
  List<TestRecord<String, ScrapeBatch>> readEnriched() {
    List<TestRecord<String, ScrapeBatch>> out = new ArrayList<>();
    for (TestRecord<String, byte[]> record : enriched.readRecordsToList()) {
      try {
        out.add(
            new TestRecord<>(
                record.key(),
                ScrapeBatch.parseFrom(record.value()),
                record.headers(),
                record.getRecordTime()));
      } catch (com.google.protobuf.InvalidProtocolBufferException e) {
        throw new AssertionError("samples.enriched holds a record that does not decode", e);
      }
    }
    return out;
  }

  /** The one batch written since the last call. */
  ScrapeBatch readOne() {
    List<TestRecord<String, ScrapeBatch>> records = readEnriched();
    if (records.size() != 1) {
      throw new AssertionError("expected one enriched record. Found: " + records.size());
    }
    return records.get(0).value();
  }

  void advance(Duration duration) {
    driver.advanceWallClockTime(duration);
  }

  @Override
  public void close() {
    driver.close();
  }
}
