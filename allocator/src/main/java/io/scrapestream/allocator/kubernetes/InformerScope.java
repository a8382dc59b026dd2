package io.scrapestream.allocator.kubernetes;

import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Where the informers of one kind watch: the whole cluster (one watch) or a set of namespaces (one
 * watch each). A kind is watched cluster-wide as soon as one user needs every namespace; it is
 * restricted only when every user names its namespaces, which also lets the allocator run with
 * namespaced RBAC (Roles instead of a ClusterRole).
 *
 * @param namespaces the namespaces watched; ignored when {@code allNamespaces}
 */
public record InformerScope(boolean allNamespaces, SortedSet<String> namespaces) {
  public static final InformerScope ALL = new InformerScope(true, new TreeSet<>());

  public InformerScope {
    namespaces = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(namespaces));
    if (!allNamespaces && namespaces.isEmpty()) {
      throw new IllegalArgumentException(
          "namespaces must not be empty unless allNamespaces. Found: []");
    }
  }

  /** The given namespaces only. */
  public static InformerScope of(Collection<String> namespaces) {
    return new InformerScope(false, new TreeSet<>(namespaces));
  }

  /** The scope covering both. */
  public InformerScope merge(InformerScope other) {
    if (allNamespaces || other.allNamespaces) {
      return ALL;
    }
    TreeSet<String> union = new TreeSet<>(namespaces);
    union.addAll(other.namespaces);
    return of(union);
  }

  /** True when objects of {@code namespace} are inside the scope. */
  public boolean covers(String namespace) {
    return allNamespaces || namespaces.contains(namespace);
  }
}
