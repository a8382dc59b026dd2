package io.scrapestream.it.faults;

import io.scrapestream.core.config.ConfigException;
import io.scrapestream.core.config.ConfigLoader;
import io.scrapestream.core.config.ScrapestreamConfig;
import io.scrapestream.core.target.TargetKey;
import io.scrapestream.ingest.IngestApp;
import io.scrapestream.ingest.scrape.ScrapeListener;
import java.util.List;
import java.util.Map;

/** Configurations of scrapers that poll an allocator, and of the job they share. */
public final class AllocatedScrapers {
  /** The job of the sequence targets. */
  public static final String JOB = "seq";

  private AllocatedScrapers() {}

  /** Starts a scraper {@code id} (its collector id) polling the allocator on {@code port}. */
  public static IngestApp start(
      String bootstrapServers, String topicPrefix, String id, int allocatorPort, String poll)
      throws ConfigException {
    ScrapestreamConfig config =
        ConfigLoader.load(
            """
            kafka: {bootstrap_servers: "%s", topic_prefix: "%s"}
            scraper:
              id: %s
              allocator:
                url: http://127.0.0.1:%d
                collector_id: %s
                refresh_interval: %s
            """
                .formatted(bootstrapServers, topicPrefix, id, allocatorPort, id, poll),
            id + ".yaml",
            Map.of());
    return IngestApp.start(config, ScrapeListener.NO_OP, "it");
  }

  /** The {@code scrape_configs} of one job of 1s interval over {@code addresses}. */
  public static String job(List<String> addresses) {
    return """
        scrape_configs:
          - job_name: %s
            scrape_interval: 1s
            scrape_timeout: 900ms
            static_configs: [{targets: [%s]}]
        """
        .formatted(JOB, String.join(", ", addresses.stream().map(a -> "\"" + a + "\"").toList()));
  }

  /** The record key of the sequence target at {@code address}. */
  public static String key(String address) {
    return TargetKey.of(JOB, address, "/metrics", "http", Map.of()).value();
  }
}
