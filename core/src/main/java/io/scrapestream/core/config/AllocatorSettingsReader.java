package io.scrapestream.core.config;

import java.time.Duration;
import java.util.Optional;

/** Reads the {@code allocator} section. */
final class AllocatorSettingsReader {
  private AllocatorSettingsReader() {}

  static AllocatorSettings read(MappingReader m) {
    KubernetesAllocatorSettings kubernetes = kubernetes(m.mapping("kubernetes"));
    m.finish();
    return new AllocatorSettings(kubernetes);
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
