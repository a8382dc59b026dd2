package io.scrapestream.allocator.kubernetes;

import io.scrapestream.core.config.KubernetesRole;
import io.scrapestream.core.config.KubernetesSdConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which kinds the users of one cluster connection need, and in which namespaces: the union over
 * every {@code kubernetes_sd_config}, scraper membership and the metadata publisher. Computed once
 * before any informer starts, so that each kind gets one informer (or one per namespace) shared by
 * all. A kind not in the plan is watched cluster-wide if someone asks for it later.
 */
public record InformerPlan(Map<ResourceKind, InformerScope> scopes) {

  public InformerPlan {
    Map<ResourceKind, InformerScope> copy = new EnumMap<>(ResourceKind.class);
    copy.putAll(scopes);
    scopes = Collections.unmodifiableMap(copy);
  }

  public static InformerPlan empty() {
    return new InformerPlan(new EnumMap<>(ResourceKind.class));
  }

  /** What one discovery config needs; {@code ownNamespace} serves {@code own_namespace}. */
  public static InformerPlan forDiscovery(
      KubernetesSdConfig config, Optional<String> ownNamespace) {
    InformerScope scope = scope(config, ownNamespace);
    InformerPlan plan = empty();
    for (ResourceKind kind : kinds(config)) {
      plan = plan.with(kind, kind.namespaced() ? scope : InformerScope.ALL);
    }
    return plan;
  }

  /** The plan with {@code kind} also watched in {@code scope}. */
  public InformerPlan with(ResourceKind kind, InformerScope scope) {
    Map<ResourceKind, InformerScope> merged = new EnumMap<>(ResourceKind.class);
    merged.putAll(scopes);
    merged.merge(kind, kind.namespaced() ? scope : InformerScope.ALL, InformerScope::merge);
    return new InformerPlan(merged);
  }

  /** Both plans together. */
  public InformerPlan merge(InformerPlan other) {
    InformerPlan merged = this;
    for (Map.Entry<ResourceKind, InformerScope> entry : other.scopes.entrySet()) {
      merged = merged.with(entry.getKey(), entry.getValue());
    }
    return merged;
  }

  /** Where {@code kind} is watched; cluster-wide when the plan does not mention it. */
  public InformerScope scope(ResourceKind kind) {
    return scopes.getOrDefault(kind, InformerScope.ALL);
  }

  /** The kinds a discovery config reads: its role's kind, joined kinds and attached metadata. */
  static Set<ResourceKind> kinds(KubernetesSdConfig config) {
    Set<ResourceKind> kinds = EnumSet.of(ResourceKind.of(config.role()));
    KubernetesRole role = config.role();
    boolean joins = role == KubernetesRole.ENDPOINTS || role == KubernetesRole.ENDPOINTSLICE;
    if (joins) {
      kinds.add(ResourceKind.SERVICE);
      kinds.add(ResourceKind.POD);
    }
    if (config.attachMetadata().node() && (joins || role == KubernetesRole.POD)) {
      kinds.add(ResourceKind.NODE);
    }
    if (config.attachMetadata().namespace() && role != KubernetesRole.NODE) {
      kinds.add(ResourceKind.NAMESPACE);
    }
    return kinds;
  }

  /** The namespaces a discovery config covers. */
  static InformerScope scope(KubernetesSdConfig config, Optional<String> ownNamespace) {
    if (config.namespaces().allNamespaces()) {
      return InformerScope.ALL;
    }
    List<String> names = new ArrayList<>(config.namespaces().names());
    if (config.namespaces().ownNamespace()) {
      names.add(
          ownNamespace.orElseThrow(
              () ->
                  new IllegalStateException(
                      "namespaces.own_namespace is true but the allocator's own namespace is"
                          + " unknown (no in-cluster service account namespace). Found: none")));
    }
    return InformerScope.of(names);
  }
}
