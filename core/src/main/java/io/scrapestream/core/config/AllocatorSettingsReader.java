package io.scrapestream.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the {@code allocator} section. */
final class AllocatorSettingsReader {
  private AllocatorSettingsReader() {}

  static AllocatorSettings read(MappingReader m) {
    HostPort listen = listenAddress(m, AllocatorSettings.DEFAULT_LISTEN_ADDRESS);
    String strategy =
        m.string(
            "strategy",
            AllocationStrategyName.CONSISTENT_HASHING.configName(),
            ValueRule.oneOf(AllocationStrategyName.configNames()));
    List<String> scrapers = distinct(m, m.stringList("scrapers", ConfigRules.SCRAPER_ID));
    Duration refresh =
        m.duration(
            "refresh_interval",
            AllocatorSettings.DEFAULT_REFRESH_INTERVAL,
            ConfigRules.POSITIVE_DURATION);
    List<Secret> tokens = tokens(m.items("api_tokens"));
    KubernetesAllocatorSettings kubernetes = kubernetes(m.mapping("kubernetes"));
    MonitorSettings monitors = MonitorSettingsReader.read(m.mapping("monitors"));
    Optional<AllocatorTls> tls =
        m.value("tls").isPresent() ? tls(m.mapping("tls")) : Optional.empty();
    m.finish();
    return new AllocatorSettings(
        listen.host(),
        listen.port(),
        AllocationStrategyName.fromConfigName(strategy).orElseThrow(),
        scrapers,
        refresh,
        tokens,
        tls,
        kubernetes,
        monitors);
  }

  private static List<String> distinct(MappingReader m, List<String> ids) {
    List<String> unique = new ArrayList<>();
    for (String id : ids) {
      if (unique.contains(id)) {
        m.problem("scrapers", "must not repeat a scraper", ConfigProblems.quote(id) + " twice");
      } else {
        unique.add(id);
      }
    }
    return unique;
  }

  private static List<Secret> tokens(List<ValueReader> items) {
    List<Secret> tokens = new ArrayList<>();
    for (ValueReader item : items) {
      MappingReader m = MappingReader.of(item);
      int before = m.problemCount();
      Optional<Secret> token = SecretReader.read(m, "token", "token_file");
      if (token.isEmpty() && m.problemCount() == before) {
        m.problem("token", "must be set, or token_file", "nothing");
      }
      m.finish();
      token.ifPresent(tokens::add);
    }
    return tokens;
  }

  private static Optional<AllocatorTls> tls(MappingReader m) {
    HostPort listen = listenAddress(m, AllocatorTls.DEFAULT_LISTEN_ADDRESS);
    Optional<Path> cert = m.required("cert_file", ConfigRules.FILE_PATH).map(Path::of);
    Optional<Path> key = m.required("key_file", ConfigRules.FILE_PATH).map(Path::of);
    Optional<Path> clientCa =
        Optional.ofNullable(m.string("client_ca_file", null, ConfigRules.FILE_PATH)).map(Path::of);
    m.finish();
    if (cert.isEmpty() || key.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new AllocatorTls(listen.host(), listen.port(), cert.get(), key.get(), clientCa));
  }

  private static HostPort listenAddress(MappingReader m, String fallback) {
    return HostPort.parse(m.string("listen_address", fallback, ConfigRules.LISTEN_ADDRESS))
        .orElseThrow();
  }

  private static KubernetesAllocatorSettings kubernetes(MappingReader m) {
    Optional<LabelSelector> selector = scraperSelector(m);
    Optional<String> namespace =
        Optional.ofNullable(m.string("scraper_namespace", null, ConfigRules.NOT_EMPTY));
    Duration grace =
        m.duration(
            "not_ready_grace",
            KubernetesAllocatorSettings.DEFAULT_NOT_READY_GRACE,
            ConfigRules.NOT_NEGATIVE_DURATION);
    MappingReader metadata = m.mapping("metadata");
    boolean metadataEnabled = metadata.bool("enabled", true);
    metadata.finish();
    m.finish();
    return new KubernetesAllocatorSettings(selector, namespace, grace, metadataEnabled);
  }

  private static Optional<LabelSelector> scraperSelector(MappingReader m) {
    Optional<ValueReader> value = m.value("scraper_selector");
    Optional<String> text = value.flatMap(ValueReader::text);
    try {
      return text.map(LabelSelector::parse);
    } catch (IllegalArgumentException e) {
      value
          .get()
          .problem("must be a label selector: " + e.getMessage(), ConfigProblems.quote(text.get()));
      return Optional.empty();
    }
  }
}
