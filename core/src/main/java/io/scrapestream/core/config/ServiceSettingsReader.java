package io.scrapestream.core.config;

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

  /** The host name is asked for only when no valid id is set. */
  static ScraperSettings scraper(MappingReader m, Supplier<String> hostName) {
    String id = m.string("id", null, ConfigRules.SCRAPER_ID);
    long maxBatchBytes =
        m.value("max_batch_bytes")
            .flatMap(ScrapeLimitsReader::byteSize)
            .orElse(ScraperSettings.DEFAULT_MAX_BATCH_BYTES);
    if (maxBatchBytes < ScraperSettings.MIN_MAX_BATCH_BYTES
        || maxBatchBytes > ScraperSettings.MAX_MAX_BATCH_BYTES) {
      m.problem("max_batch_bytes", "must be between 1KiB and 1GiB", ByteSize.format(maxBatchBytes));
      maxBatchBytes = ScraperSettings.DEFAULT_MAX_BATCH_BYTES;
    }
    m.finish();
    return new ScraperSettings(id != null ? id : hostName.get(), maxBatchBytes);
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
