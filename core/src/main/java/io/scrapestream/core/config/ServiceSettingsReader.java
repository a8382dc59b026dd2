package io.scrapestream.core.config;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads the sections that configure Scrapestream's own processes: kafka, scraper, telemetry ({@code
 * enrich} has its own {@link EnrichSettingsReader}).
 */
final class ServiceSettingsReader {
  private ServiceSettingsReader() {}

  static KafkaSettings kafka(MappingReader m) {
    return KafkaSettingsReader.read(m);
  }

  /**
   * The host name is asked for only when no valid id is set; {@code env} gives {@code POD_NAME},
   * the default {@code allocator.collector_id}.
   */
  static ScraperSettings scraper(
      MappingReader m, Supplier<String> hostName, Map<String, String> env) {
    String configuredId = m.string("id", null, ConfigRules.SCRAPER_ID);
    long maxBatchBytes =
        m.value("max_batch_bytes")
            .flatMap(ScrapeLimitsReader::byteSize)
            .orElse(ScraperSettings.DEFAULT_MAX_BATCH_BYTES);
    if (maxBatchBytes < ScraperSettings.MIN_MAX_BATCH_BYTES
        || maxBatchBytes > ScraperSettings.MAX_MAX_BATCH_BYTES) {
      m.problem("max_batch_bytes", "must be between 1KiB and 1GiB", ByteSize.format(maxBatchBytes));
      maxBatchBytes = ScraperSettings.DEFAULT_MAX_BATCH_BYTES;
    }
    int scrapeThreads =
        m.integer(
            "scrape_threads",
            0,
            new ValueRule<>(
                n -> n >= 0 && n <= ScraperSettings.MAX_SCRAPE_THREADS,
                "must be between 0 (from the cores) and 1024"));
    String id = configuredId != null ? configuredId : hostName.get();
    Optional<ScraperAllocatorSettings> allocator =
        m.value("allocator").isPresent()
            ? ScraperAllocatorSettingsReader.read(m.mapping("allocator"), env, id)
            : Optional.empty();
    m.finish();
    return new ScraperSettings(id, maxBatchBytes, allocator, scrapeThreads);
  }

  static TelemetrySettings telemetry(MappingReader m) {
    String listenAddress =
        m.string(
            "listen_address",
            TelemetrySettings.defaults().listenAddress(),
            ConfigRules.LISTEN_ADDRESS);
    m.finish();
    HostPort address = HostPort.parse(listenAddress).orElseThrow();
    return new TelemetrySettings(address.host(), address.port());
  }
}
