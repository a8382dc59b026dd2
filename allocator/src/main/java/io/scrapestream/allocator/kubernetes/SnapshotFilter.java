package io.scrapestream.allocator.kubernetes;

import io.scrapestream.core.config.KubernetesSdConfig;
import io.scrapestream.core.config.KubernetesSelector;
import java.util.EnumMap;
import java.util.Map;

/**
 * The objects one {@code kubernetes_sd_config} considers: those of its namespaces that match the
 * selector configured for their kind. Selectors are evaluated here on cached snapshots, not on the
 * API server, so that every job shares one informer per kind.
 */
final class SnapshotFilter {
  private final InformerScope namespaces;
  private final Map<ResourceKind, KubernetesSelector> selectors = new EnumMap<>(ResourceKind.class);

  SnapshotFilter(KubernetesSdConfig config, InformerScope namespaces) {
    this.namespaces = namespaces;
    config.selectors().forEach(s -> selectors.put(ResourceKind.of(s.role()), s));
  }

  boolean accepts(ResourceKind kind, Snapshot snapshot) {
    if (kind.namespaced() && !namespaces.covers(snapshot.meta().namespace())) {
      return false;
    }
    KubernetesSelector selector = selectors.get(kind);
    return selector == null
        || selector.label().matches(snapshot.meta().labels())
            && selector.field().matches(snapshot.selectableFields());
  }
}
