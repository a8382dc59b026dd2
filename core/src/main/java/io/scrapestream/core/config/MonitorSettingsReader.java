package io.scrapestream.core.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code allocator.monitors} section. */
final class MonitorSettingsReader {
  private MonitorSettingsReader() {}

  static MonitorSettings read(MappingReader m) {
    boolean enabled = m.bool("enabled", false);
    MonitorSettings.MonitorNamespaceSelector namespaces =
        namespaceSelector(m.mapping("namespace_selector"));
    LabelSelector monitors = selector(m, "monitor_selector");
    Set<MonitorKind> kinds = kinds(m);
    m.finish();
    if (enabled && kinds.isEmpty()) {
      m.problem("kinds", "must not be empty when enabled", "[]");
      return MonitorSettings.disabled();
    }
    return new MonitorSettings(enabled, namespaces, monitors, kinds);
  }

  private static MonitorSettings.MonitorNamespaceSelector namespaceSelector(MappingReader m) {
    List<String> names = m.stringList("match_names", ConfigRules.NOT_EMPTY);
    boolean labelled = m.has("label_selector");
    LabelSelector labels = selector(m, "label_selector");
    boolean any = m.bool("any", names.isEmpty() && !labelled);
    m.finish();
    return new MonitorSettings.MonitorNamespaceSelector(names, any, labels);
  }

  private static Set<MonitorKind> kinds(MappingReader m) {
    if (!m.has("kinds")) {
      return Set.of(MonitorKind.values());
    }
    Set<MonitorKind> kinds = new LinkedHashSet<>();
    for (String name : m.stringList("kinds", ValueRule.oneOf(MonitorKind.configNames()))) {
      MonitorKind.fromConfigName(name).ifPresent(kinds::add);
    }
    return kinds;
  }

  private static LabelSelector selector(MappingReader m, String key) {
    Optional<ValueReader> value = m.value(key);
    Optional<String> text = value.flatMap(ValueReader::text);
    try {
      return text.map(LabelSelector::parse).orElse(LabelSelector.everything());
    } catch (IllegalArgumentException e) {
      value
          .get()
          .problem("must be a label selector: " + e.getMessage(), ConfigProblems.quote(text.get()));
      return LabelSelector.everything();
    }
  }
}
