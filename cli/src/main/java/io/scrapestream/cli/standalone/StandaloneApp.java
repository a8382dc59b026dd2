package io.scrapestream.cli.standalone;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.scrapestream.broker.BrokerSettings;
import io.scrapestream.broker.EmbeddedKafkaBroker;
import io.scrapestream.cli.topics.TopicsApplier;
import io.scrapestream.core.config.KafkaSettings;
import io.scrapestream.core.config.ScrapestreamConfig;
import io.scrapestream.core.kafka.KafkaClientProperties;
import io.scrapestream.core.kafka.Topics;
import io.scrapestream.core.telemetry.TelemetryServer;
import io.scrapestream.enrich.EnrichApp;
import io.scrapestream.enrich.telemetry.PrometheusEnrichListener;
import io.scrapestream.ingest.IngestApp;
import io.scrapestream.ingest.telemetry.PrometheusScrapeListener;
import io.scrapestream.sink.SinkApp;
import io.scrapestream.sink.SinkListener;
import io.scrapestream.sink.telemetry.PrometheusSinkListener;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Every role in one JVM around an embedded broker: broker, topics, self-metrics endpoint, sinks,
 * the enrich application and the scraper, started in that order and stopped in reverse.
 */
public final class StandaloneApp implements AutoCloseable {
  private final EmbeddedKafkaBroker broker;
  private final ScrapestreamConfig config;
  private final TelemetryServer telemetry;
  private final SinkApp sinks;
  private final EnrichApp enrich;
  private final IngestApp ingest;
  private final PipelineStats stats;
  private final LagProbe lag;

  private StandaloneApp(Parts parts) {
    this.broker = parts.broker;
    this.config = parts.config;
    this.telemetry = parts.telemetry;
    this.sinks = parts.sinks;
    this.enrich = parts.enrich;
    this.ingest = parts.ingest;
    this.stats = parts.stats;
    this.lag = parts.lag;
  }

  public static StandaloneApp start(ScrapestreamConfig fileConfig, Path dataDir, String version)
      throws Exception {
    Parts parts = new Parts();
    parts.broker = EmbeddedKafkaBroker.start(BrokerSettings.inDirectory(dataDir.resolve("kafka")));
    parts.config = withBroker(fileConfig, parts.broker.bootstrapServers());
    TopicsApplier.apply(parts.config, TopicsApplier.topics(parts.config, 3, (short) 1));
    PrometheusRegistry registry = new PrometheusRegistry();
    parts.stats = new PipelineStats();
    parts.telemetry =
        TelemetryServer.start(
            parts.config.telemetry().host(), parts.config.telemetry().port(), registry, () -> true);
    SinkListener sinkListener =
        SinkListener.both(parts.stats, new PrometheusSinkListener(registry));
    parts.sinks = SinkApp.start(parts.config, sinkListener);
    parts.enrich =
        EnrichApp.start(
            parts.config,
            new PrometheusEnrichListener(registry),
            Optional.of(dataDir.resolve("enrich-state")));
    parts.ingest =
        IngestApp.start(
            parts.config, parts.stats.andThen(new PrometheusScrapeListener(registry)), version);
    parts.lag =
        new LagProbe(KafkaClientProperties.admin(parts.config.kafka(), "scrapestream-status"));
    return new StandaloneApp(parts);
  }

  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  public int telemetryPort() {
    return telemetry.port();
  }

  public ScrapestreamConfig config() {
    return config;
  }

  PipelineStats.Snapshot stats() {
    return stats.snapshot();
  }

  /** Records of {@code samples.enriched} the backend's sink has not committed yet. */
  long lag(String backend) {
    return lag.lag(SinkApp.groupId(backend), Topics.samplesEnriched(config.kafka()));
  }

  @Override
  public void close() throws Exception {
    ingest.close();
    enrich.close();
    sinks.close();
    lag.close();
    telemetry.close();
    broker.close();
  }

  private static ScrapestreamConfig withBroker(ScrapestreamConfig c, String bootstrapServers) {
    KafkaSettings kafka =
        new KafkaSettings(bootstrapServers, c.kafka().topicPrefix(), c.kafka().clientProperties());
    return new ScrapestreamConfig(
        c.global(),
        c.scrapeConfigs(),
        kafka,
        c.scraper(),
        c.enrich(),
        c.telemetry(),
        c.backends(),
        c.allocator());
  }

  private static final class Parts {
    EmbeddedKafkaBroker broker;
    ScrapestreamConfig config;
    TelemetryServer telemetry;
    SinkApp sinks;
    EnrichApp enrich;
    IngestApp ingest;
    PipelineStats stats;
    LagProbe lag;
  }
}
