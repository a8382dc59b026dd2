package io.scrapestream.core.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code allocator.monitors} section: whether Prometheus-Operator resources become jobs, which
 * namespaces they are taken from, which of them (by label) and of which kinds.
 *
 * @param namespaceSelector where monitors are taken from
 * @param monitorSelector labels a monitor must have to be taken
 * @param kinds the resource kinds watched
 */
public record MonitorSettings(
    boolean enabled,
    MonitorNamespaceSelector namespaceSelector,
    LabelSelector monitorSelector,
    Set<MonitorKind> kinds) {

  public MonitorSettings {
    Objects.requireNonNull(namespaceSelector, "namespaceSelector must not be null");
    Objects.requireNonNull(monitorSelector, "monitorSelector must not be null");
    kinds = Set.copyOf(kinds);
    if (enabled && kinds.isEmpty()) {
      throw new IllegalArgumentException("kinds must not be empty when enabled. Found: []");
    }
  }

  /** Disabled; when enabled, every namespace, every monitor, every kind. */
  public static MonitorSettings disabled() {
    return new MonitorSettings(
        false,
        MonitorNamespaceSelector.everyNamespace(),
        LabelSelector.everything(),
        Set.of(MonitorKind.values()));
  }

  /**
   * Which namespaces monitors are taken from, like a Prometheus resource's {@code
   * serviceMonitorNamespaceSelector}: every namespace when {@code any}, else those named, else
   * those whose labels match.
   */
  public record MonitorNamespaceSelector(
      List<String> matchNames, boolean any, LabelSelector labelSelector) {
    public MonitorNamespaceSelector {
      matchNames = List.copyOf(matchNames);
      matchNames.forEach(n -> ConfigRules.require("matchNames", n, ConfigRules.NOT_EMPTY));
      Objects.requireNonNull(labelSelector, "labelSelector must not be null");
    }

    public static MonitorNamespaceSelector everyNamespace() {
      return new MonitorNamespaceSelector(List.of(), true, LabelSelector.everything());
    }

    /** True when a namespace with this name and these labels is selected. */
    public boolean matches(String namespace, Map<String, String> labels) {
      if (any) {
        return true;
      }
      if (!matchNames.isEmpty()) {
        return matchNames.contains(namespace);
      }
      return labelSelector.matches(labels);
    }
  }
}
