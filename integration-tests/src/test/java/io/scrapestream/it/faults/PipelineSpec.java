package io.scrapestream.it.faults;

import io.scrapestream.core.config.ConfigException;
import io.scrapestream.core.config.ConfigLoader;
import io.scrapestream.core.config.ScrapestreamConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The configuration file of a fault scenario's pipeline: one job scraping the sequence targets
 * every second, a topic prefix and ids of its own, and one remote-write backend batching at most
 * {@code maxSamples} samples or {@code maxDelay}. A killed consumer leaves its group after 6 s.
 */
record PipelineSpec(
    String name,
    String bootstrapServers,
    List<String> targets,
    URI remoteWrite,
    int maxSamples,
    Duration maxDelay) {

  /** The sink's backend; its consumer group is {@code scrapestream-sink-vm}. */
  static final String BACKEND = "vm";

  /** How long the group waits for a killed member before it gives its partitions to another. */
  static final Duration SESSION_TIMEOUT = Duration.ofSeconds(6);

  PipelineSpec {
    if (!name.matches("[a-z0-9-]+") || targets.isEmpty() || maxSamples < 1) {
      throw new IllegalArgumentException(
          "name must be [a-z0-9-]+, targets not empty, maxSamples >= 1. Found: "
              + name
              + ", "
              + targets
              + ", "
              + maxSamples);
    }
  }

  /** The YAML a role reads, in this JVM or a child's. */
  String yaml() {
    return """
        global: {scrape_interval: 1s, scrape_timeout: 1s}
        scrape_configs:
          - job_name: seq
            static_configs:
              - targets: [%s]
        kafka:
          bootstrap_servers: "%s"
          topic_prefix: "%s."
          client_properties: {session.timeout.ms: "%d", heartbeat.interval.ms: "1000"}
        scraper: {id: "%s-scraper"}
        telemetry: {listen_address: "127.0.0.1:0"}
        enrich: {application_id: "%s-enrich"}
        backends:
          - name: %s
            remote_write: {url: "%s"}
            batch: {max_samples: %d, max_delay: %dms}
        """
        .formatted(
            targets.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(", ")),
            bootstrapServers,
            name,
            SESSION_TIMEOUT.toMillis(),
            name,
            name,
            BACKEND,
            remoteWrite,
            maxSamples,
            maxDelay.toMillis());
  }

  ScrapestreamConfig config() throws ConfigException {
    return ConfigLoader.load(yaml(), name + ".yaml", Map.of());
  }
}
