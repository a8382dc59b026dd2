package io.scrapestream.core.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a job's {@code file_sd_configs}, {@code http_sd_configs} and {@code dns_sd_configs} with
 * Prometheus's keys and defaults. An entry with a problem is reported and left out.
 */
final class DiscoveryConfigReader {
  private static final ValueRule<String> DNS_TYPE =
      new ValueRule<>(
          type -> DnsRecordType.names().contains(type.toUpperCase(Locale.ROOT)),
          "must be one of: " + String.join(", ", DnsRecordType.names()));
  private static final ValueRule<Integer> PORT =
      new ValueRule<>(port -> port >= 0 && port <= 65535, "must be in 1..65535");

  private DiscoveryConfigReader() {}

  static DiscoveryConfigs read(MappingReader job) {
    List<FileSdConfig> files = readEach(job.items("file_sd_configs"), DiscoveryConfigReader::file);
    List<HttpSdConfig> http = readEach(job.items("http_sd_configs"), DiscoveryConfigReader::http);
    List<DnsSdConfig> dns = readEach(job.items("dns_sd_configs"), DiscoveryConfigReader::dns);
    return new DiscoveryConfigs(files, http, dns);
  }

  private static <T> List<T> readEach(
      List<ValueReader> items, java.util.function.Function<MappingReader, Optional<T>> reader) {
    return items.stream()
        .map(item -> reader.apply(MappingReader.of(item)))
        .flatMap(Optional::stream)
        .toList();
  }

  private static Optional<FileSdConfig> file(MappingReader m) {
    int before = m.problemCount();
    List<String> files = m.stringList("files", ConfigRules.FILE_SD_PATTERN);
    if (files.isEmpty() && m.problemCount() == before) {
      m.problem("files", "must list at least one file pattern", "nothing");
    }
    Duration refresh = refreshInterval(m, FileSdConfig.DEFAULT_REFRESH_INTERVAL);
    m.finish();
    return m.problemCount() == before
        ? Optional.of(new FileSdConfig(files, refresh))
        : Optional.empty();
  }

  private static Optional<HttpSdConfig> http(MappingReader m) {
    Optional<URI> url = m.required("url", ConfigRules.HTTP_URL).map(URI::create);
    Duration refresh = refreshInterval(m, HttpSdConfig.DEFAULT_REFRESH_INTERVAL);
    m.finish();
    return url.map(u -> new HttpSdConfig(u, refresh));
  }

  private static Optional<DnsSdConfig> dns(MappingReader m) {
    int before = m.problemCount();
    List<String> names = m.stringList("names", ConfigRules.NOT_EMPTY);
    if (names.isEmpty() && m.problemCount() == before) {
      m.problem("names", "must list at least one DNS name", "nothing");
    }
    String typeName = m.string("type", DnsRecordType.SRV.name(), DNS_TYPE);
    DnsRecordType type = DnsRecordType.valueOf(typeName.toUpperCase(Locale.ROOT));
    int port = m.integer("port", 0, PORT);
    if (type.needsPort() && port == 0 && m.problemCount() == before) {
      m.problem("port", "must be set (1..65535) for " + type + " records", "nothing");
    }
    Duration refresh = refreshInterval(m, DnsSdConfig.DEFAULT_REFRESH_INTERVAL);
    m.finish();
    return m.problemCount() == before
        ? Optional.of(new DnsSdConfig(names, type, port, refresh))
        : Optional.empty();
  }

  private static Duration refreshInterval(MappingReader m, Duration fallback) {
    return m.duration("refresh_interval", fallback, ConfigRules.POSITIVE_DURATION);
  }
}
