package io.scrapestream.enrich;

import io.scrapestream.core.config.ScrapestreamConfig;
import io.scrapestream.core.kafka.KafkaClientProperties;
import io.scrapestream.core.kafka.Topics;
import io.scrapestream.enrich.topology.EnrichTopology;
import java.time.Duration;
import java.util.Properties;
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

  public static EnrichApp start(ScrapestreamConfig config) {
    EnrichTopology topology =
        new EnrichTopology(
            Topics.samplesRaw(config.kafka()),
            Topics.samplesEnriched(config.kafka()),
            Topics.deadLetter(config.kafka(), "enrich"));
    Properties props = new Properties();
    props.putAll(KafkaClientProperties.streams(config.kafka(), config.enrich()));
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

  @Override
  public void close() {
    streams.close(Duration.ofSeconds(30));
  }
}
