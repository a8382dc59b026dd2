package io.scrapestream.core.config;

import java.util.List;

/**
 * The {@code namespaces} of a {@code kubernetes_sd_configs} entry. With no names and without {@code
 * own_namespace}, every namespace is discovered.
 *
 * @param ownNamespace also discover the namespace the allocator runs in
 * @param names namespaces to discover, in order
 */
public record KubernetesNamespaces(boolean ownNamespace, List<String> names) {
  public KubernetesNamespaces {
    names = List.copyOf(names);
    names.forEach(name -> ConfigRules.require("names", name, ConfigRules.NOT_EMPTY));
  }

  /** Every namespace. */
  public static KubernetesNamespaces all() {
    return new KubernetesNamespaces(false, List.of());
  }

  /** True when every namespace is discovered. */
  public boolean allNamespaces() {
    return names.isEmpty() && !ownNamespace;
  }
}
