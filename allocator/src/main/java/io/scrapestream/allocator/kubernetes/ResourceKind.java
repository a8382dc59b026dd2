package io.scrapestream.allocator.kubernetes;

import io.scrapestream.core.config.KubernetesRole;

/** The kinds of Kubernetes object the allocator watches, at most one informer set per kind. */
public enum ResourceKind {
  POD(true),
  SERVICE(true),
  ENDPOINTS(true),
  ENDPOINT_SLICE(true),
  NODE(false),
  INGRESS(true),
  NAMESPACE(false),
  REPLICA_SET(true),
  JOB(true);

  private final boolean namespaced;

  ResourceKind(boolean namespaced) {
    this.namespaced = namespaced;
  }

  /** False for cluster-scoped kinds (nodes, namespaces), which are always watched cluster-wide. */
  public boolean namespaced() {
    return namespaced;
  }

  /** The kind whose objects become targets of {@code role}. */
  public static ResourceKind of(KubernetesRole role) {
    return switch (role) {
      case POD -> POD;
      case SERVICE -> SERVICE;
      case ENDPOINTS -> ENDPOINTS;
      case ENDPOINTSLICE -> ENDPOINT_SLICE;
      case NODE -> NODE;
      case INGRESS -> INGRESS;
    };
  }
}
