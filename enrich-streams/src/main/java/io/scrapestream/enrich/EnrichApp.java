package io.scrapestream.enrich;

import io.scrapestream.core.config.ScrapeConfig;
import io.scrapestream.core.config.ScrapestreamConfig;
import io.scrapestream.core.kafka.KafkaClientProperties;
import io.scrapestream.core.kafka.Topics;
import io.scrapestream.enrich.topology.EnrichListener;
import io.scrapestream.enrich.topology.EnrichTopics;
import io.scrapestream.enrich.topology.EnrichTopology;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The enrichment role: one Kafka Streams application running {@link EnrichTopology}. */
public final class EnrichApp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EnrichApp.class);

  private final KafkaStreams streams;

  private EnrichApp(KafkaStreams streams) {
    this.streams = streams;
  }

  /** Starts with no self-metrics and Kafka Streams' default state directory. */
  public static EnrichApp start(ScrapestreamConfig config) {
    return start(config, EnrichListener.NO_OP, Optional.empty());
  }

  /**
   * Starts the application.
   *
   * @param listener told what the topology does (self-metrics)
   * @param stateDir where the staleness and metadata stores live; Kafka Streams' default when empty
   */
  public static EnrichApp start(
      ScrapestreamConfig config, EnrichListener listener, Optional<Path> stateDir) {
    Duration punctuateInterval =
        config.enrich().staleness().punctuateIntervalOr(shortestScrapeInterval(config));
    EnrichTopology topology =
        new EnrichTopology(
                EnrichTopics.of(config.kafka()), config.enrich(), punctuateInterval, listener)
            .withBackends(config.backends(), backend -> Topics.out(config.kafka(), backend));
    Properties props = new Properties();
    props.putAll(KafkaClientProperties.streams(config.kafka(), config.enrich()));
    stateDir.ifPresent(dir -> props.put("state.dir", dir.toString()));
    KafkaStreams streams = new KafkaStreams(topology.build(), props);
    streams.setUncaughtExceptionHandler(
        error -> {
          LOG.error("enrich stream thread failed; replacing it", error);
          return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    streams.setStateListener(
        (now, before) ->
            LOG.info(
                "enrich application {}: {} -> {}", config.enrich().applicationId(), before, now));
    streams.start();
    return new EnrichApp(streams);
  }

  public boolean isRunning() {
    return streams.state().isRunningOrRebalancing();
  }

  /** Whether every task is assigned and processing. */
  public boolean isProcessing() {
    return streams.state() == KafkaStreams.State.RUNNING;
  }

  /**
   * Stops within 30 s and leaves the consumer group, so that a restarted or replacement instance
   * gets the partitions at once instead of after the session timeout (45 s).
   */
  @Override
  public void close() {
    streams.close(
        CloseOptions.timeout(Duration.ofSeconds(30))
            .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
  }

  /** The shortest scrape interval of the file: the global one or a job's. */
  static Duration shortestScrapeInterval(ScrapestreamConfig config) {
    return config.scrapeConfigs().stream()
        .map(ScrapeConfig::scrapeInterval)
        .reduce(config.global().scrapeInterval(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
  }
}
