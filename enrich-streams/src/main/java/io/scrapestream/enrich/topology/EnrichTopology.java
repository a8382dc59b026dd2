package io.scrapestream.enrich.topology;

import io.scrapestream.core.config.BackendConfig;
import io.scrapestream.core.config.EnrichSettings;
import io.scrapestream.core.transform.Transformer;
import io.scrapestream.enrich.batch.IndexedBatchSerializer;
import io.scrapestream.enrich.kubernetes.BatchEnricher;
import io.scrapestream.enrich.transform.BatchTransformer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * The enrichment application, read top to bottom: {@code samples.raw} → {@value #CHECK_BATCH}
 * (index the batch; poison to {@code dlq.enrich}) → {@value #TRACK_STALENESS} (store {@value
 * #SERIES_BY_TARGET_STORE}) → {@value #ENRICH_KUBERNETES} (global store {@value
 * #K8S_METADATA_TABLE}) → {@value #ENRICHED_BATCHES} → {@code samples.enriched}, and for each
 * backend with transforms {@value #ENRICHED_BATCHES} → {@value #TRANSFORM_PREFIX}{@code <backend>}
 * → {@code out.<backend>}.
 *
 * <p>Batches travel as {@code IndexedBatch}: indexed once, never re-encoded, written as their
 * original bytes plus what the stages appended. Per-backend branches attach as children of {@value
 * #ENRICHED_BATCHES}, which forwards every batch to all its children; a stage that changes a batch
 * for one branch must work on its own copy.
 */
public final class EnrichTopology {
  public static final String READ_SAMPLES_RAW = "read-samples-raw";
  public static final String CHECK_BATCH = "check-batch";
  public static final String TRACK_STALENESS = "track-staleness";
  public static final String SERIES_BY_TARGET_STORE = "series-by-target-store";
  public static final String READ_K8S_METADATA = "read-k8s-metadata";
  public static final String UPDATE_K8S_METADATA = "update-k8s-metadata";
  public static final String K8S_METADATA_TABLE = "k8s-metadata-table";
  public static final String ENRICH_KUBERNETES = "enrich-kubernetes";
  public static final String ENRICHED_BATCHES = "enriched-batches";
  public static final String WRITE_SAMPLES_ENRICHED = "write-samples-enriched";
  public static final String WRITE_DLQ = "write-dlq-enrich";

  /** Prefix of a backend's transform branch: {@code transform-<backend>}. */
  public static final String TRANSFORM_PREFIX = "transform-";

  /** Prefix of a backend's sink: {@code write-out-<backend>}, to {@code out.<backend>}. */
  public static final String WRITE_OUT_PREFIX = "write-out-";

  private final EnrichTopics topics;
  private final EnrichSettings settings;
  private final Duration punctuateInterval;
  private final EnrichListener listener;
  private List<BackendConfig> backends = List.of();
  private UnaryOperator<String> outTopic = backend -> "out." + backend;
  private KeyValueBytesStoreSupplier seriesStore =
      Stores.persistentKeyValueStore(SERIES_BY_TARGET_STORE);

  public EnrichTopology(
      EnrichTopics topics,
      EnrichSettings settings,
      Duration punctuateInterval,
      EnrichListener listener) {
    this.topics = Objects.requireNonNull(topics, "topics");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.punctuateInterval = Objects.requireNonNull(punctuateInterval, "punctuateInterval");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Keeps the staleness state in {@code supplier}'s stores (named {@value #SERIES_BY_TARGET_STORE})
   * instead of the default persistent RocksDB store.
   */
  public EnrichTopology withSeriesStore(KeyValueBytesStoreSupplier supplier) {
    if (!SERIES_BY_TARGET_STORE.equals(supplier.name())) {
      throw new IllegalArgumentException(
          "supplier must be named " + SERIES_BY_TARGET_STORE + ". Found: " + supplier.name());
    }
    this.seriesStore = supplier;
    return this;
  }

  /**
   * Adds a branch {@value #TRANSFORM_PREFIX}{@code <backend>} → {@code outTopic(backend)} for every
   * backend with transforms; backends without transforms get none (their sinks read {@code
   * samples.enriched}).
   */
  public EnrichTopology withBackends(List<BackendConfig> backends, UnaryOperator<String> outTopic) {
    this.backends = List.copyOf(backends);
    this.outTopic = Objects.requireNonNull(outTopic, "outTopic");
    return this;
  }

  public Topology build() {
    Topology topology = new Topology();
    boolean staleness = settings.staleness().enabled();
    String afterCheck = staleness ? TRACK_STALENESS : ENRICH_KUBERNETES;
    topology.addSource(
        READ_SAMPLES_RAW,
        new StringDeserializer(),
        new ByteArrayDeserializer(),
        topics.samplesRaw());
    topology.addProcessor(
        CHECK_BATCH, () -> new CheckBatchProcessor(afterCheck, deadLetters()), READ_SAMPLES_RAW);
    if (staleness) {
      addStaleness(topology);
    }
    addEnrichment(topology, staleness ? TRACK_STALENESS : CHECK_BATCH);
    addSinks(topology, staleness);
    return topology;
  }

  private void addSinks(Topology topology, boolean staleness) {
    topology.addSink(
        WRITE_SAMPLES_ENRICHED,
        topics.samplesEnriched(),
        new StringSerializer(),
        new IndexedBatchSerializer(),
        ENRICHED_BATCHES);
    List<String> rejecting = new ArrayList<>(List.of(CHECK_BATCH));
    if (staleness) {
      rejecting.add(TRACK_STALENESS);
    }
    rejecting.add(ENRICH_KUBERNETES);
    rejecting.addAll(addTransforms(topology));
    topology.addSink(
        WRITE_DLQ,
        topics.deadLetter(),
        new StringSerializer(),
        new ByteArraySerializer(),
        rejecting.toArray(String[]::new));
  }

  /** The per-backend branches; returns their node names (they reject to the dead-letter sink). */
  private List<String> addTransforms(Topology topology) {
    List<String> branches = new ArrayList<>();
    for (BackendConfig backend : backends) {
      if (backend.transforms().isEmpty()) {
        continue;
      }
      String name = backend.name();
      String branch = TRANSFORM_PREFIX + name;
      String sink = WRITE_OUT_PREFIX + name;
      Transformer transformer = new Transformer(backend.transforms());
      topology.addProcessor(
          branch,
          () ->
              new TransformProcessor(
                  name,
                  new BatchTransformer(transformer),
                  new TransformProcessor.Wiring(sink, listener, deadLetters())),
          ENRICHED_BATCHES);
      topology.addSink(
          sink, outTopic.apply(name), new StringSerializer(), new ByteArraySerializer(), branch);
      branches.add(branch);
    }
    return branches;
  }

  private void addStaleness(Topology topology) {
    topology.addProcessor(
        TRACK_STALENESS,
        () ->
            new StalenessProcessor(
                new StalenessProcessor.StalenessStage(
                    SERIES_BY_TARGET_STORE,
                    ENRICH_KUBERNETES,
                    punctuateInterval,
                    listener,
                    deadLetters())),
        CHECK_BATCH);
    topology.addStateStore(
        Stores.keyValueStoreBuilder(seriesStore, Serdes.String(), Serdes.ByteArray())
            .withCachingEnabled(),
        TRACK_STALENESS);
  }

  private void addEnrichment(Topology topology, String parent) {
    boolean kubernetes = settings.kubernetes().enabled();
    if (kubernetes) {
      addMetadataTable(topology);
    }
    String table = kubernetes ? K8S_METADATA_TABLE : null;
    topology.addProcessor(
        ENRICH_KUBERNETES,
        () ->
            new KubernetesEnrichProcessor(
                new BatchEnricher(settings),
                new KubernetesEnrichProcessor.Wiring(
                    table, ENRICHED_BATCHES, listener, deadLetters())),
        parent);
    topology.addProcessor(
        ENRICHED_BATCHES, () -> new EnrichedBatchesProcessor(listener), ENRICH_KUBERNETES);
  }

  private void addMetadataTable(Topology topology) {
    topology.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(K8S_METADATA_TABLE),
                Serdes.String(),
                Serdes.ByteArray())
            .withLoggingDisabled(),
        READ_K8S_METADATA,
        new StringDeserializer(),
        new ByteArrayDeserializer(),
        topics.k8sMetadata(),
        UPDATE_K8S_METADATA,
        () -> new MetadataTableUpdater(K8S_METADATA_TABLE));
  }

  private DeadLetters deadLetters() {
    return new DeadLetters(WRITE_DLQ, listener);
  }
}
