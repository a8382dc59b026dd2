package io.scrapestream.sink.faults;

import io.scrapestream.core.config.AllocatorSettings;
import io.scrapestream.core.config.BackendConfig;
import io.scrapestream.core.config.BatchSettings;
import io.scrapestream.core.config.EnrichSettings;
import io.scrapestream.core.config.GlobalConfig;
import io.scrapestream.core.config.KafkaSettings;
import io.scrapestream.core.config.RemoteWriteConfig;
import io.scrapestream.core.config.ScraperSettings;
import io.scrapestream.core.config.ScrapestreamConfig;
import io.scrapestream.core.config.TelemetrySettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The configuration of a sink with one remote-write backend, as the fault tests run it. */
final class FaultConfigs {
  /** Records one poll may return: polled-but-uncommitted stays below 500 + 100 records. */
  static final int MAX_POLL_RECORDS = 100;

  /**
   * A killed consumer leaves the group after 6 s, not after the 45 s default; polls of at most
   * {@link #MAX_POLL_RECORDS} make a stream of many requests.
   */
  static final Map<String, String> CLIENT =
      Map.of(
          "session.timeout.ms",
          "6000",
          "heartbeat.interval.ms",
          "1000",
          "max.poll.records",
          String.valueOf(MAX_POLL_RECORDS));

  private FaultConfigs() {}

  /** Batches of 500 samples or 200 ms, as every fault test uses. */
  static final BatchSettings BATCH = new BatchSettings(500, Duration.ofMillis(200));

  static ScrapestreamConfig remoteWrite(String bootstrapServers, String prefix, URI url) {
    return remoteWrite(bootstrapServers, prefix, url, BATCH);
  }

  static ScrapestreamConfig remoteWrite(
      String bootstrapServers, String prefix, URI url, BatchSettings batch) {
    return new ScrapestreamConfig(
        GlobalConfig.defaults(),
        List.of(),
        new KafkaSettings(bootstrapServers, prefix, CLIENT),
        ScraperSettings.defaults(),
        EnrichSettings.defaults(),
        TelemetrySettings.defaults(),
        List.of(
            new BackendConfig(
                "rw", new RemoteWriteConfig(url, Duration.ofSeconds(10), Map.of()), batch)),
        AllocatorSettings.defaults());
  }
}
