package io.scrapestream.allocator.kubernetes;

import io.scrapestream.allocator.discovery.TargetGroup;
import io.scrapestream.core.config.KubernetesSdConfig;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one {@code kubernetes_sd_config} reads and builds: which source keys a change of any kind
 * affects (a pod change re-builds the endpoints that point at it, a node change the pods on it,
 * ...), and the group of a source key from the caches, through the config's filter.
 */
final class RoleSources implements Lookup {
  private final KubernetesSdConfig config;
  private final ResourceKind primary;
  private final SnapshotFilter filter;
  private final Map<ResourceKind, KindCache<? extends Snapshot>> caches;

  RoleSources(
      KubernetesSdConfig config,
      SnapshotFilter filter,
      Map<ResourceKind, KindCache<? extends Snapshot>> caches) {
    this.config = config;
    this.primary = ResourceKind.of(config.role());
    this.filter = filter;
    this.caches = new EnumMap<>(caches);
  }

  /**
   * The source keys (keys of the role's kind) to re-build after {@code key} of {@code kind}
   * changed.
   */
  Collection<String> affected(ResourceKind kind, String key) {
    if (kind == primary) {
      return List.of(key);
    }
    KindCache<? extends Snapshot> primaryCache = caches.get(primary);
    return switch (kind) {
      case SERVICE ->
          primary == ResourceKind.ENDPOINTS
              ? List.of(key)
              : primaryCache.byIndex(Snapshot.SERVICE_INDEX, key);
      case POD -> primaryCache.byIndex(Snapshot.POD_INDEX, key);
      case NODE -> primaryCache.byIndex(Snapshot.NODE_INDEX, key);
      case NAMESPACE -> primaryCache.byIndex(Snapshot.NAMESPACE_INDEX, key);
      default -> Set.of();
    };
  }

  /** The group source of a key, e.g. {@code pod/<namespace>/<name>}. */
  String source(String key) {
    return switch (primary) {
      case POD -> PodGroups.source(key);
      case SERVICE -> ServiceGroups.source(key);
      case ENDPOINTS -> EndpointsGroups.source(key);
      case ENDPOINT_SLICE -> EndpointSliceGroups.source(key);
      case NODE -> NodeGroups.source(key);
      default -> IngressGroups.source(key);
    };
  }

  /** The object behind a source key, if it exists and the config considers it. */
  Optional<Snapshot> object(String key) {
    return find(primary, key);
  }

  /**
   * The group of an object; empty when Prometheus would report nothing (a node without address).
   */
  Optional<TargetGroup> build(Snapshot object) {
    var attach = config.attachMetadata();
    return switch (primary) {
      case POD -> Optional.of(PodGroups.build((PodSnapshot) object, this, attach));
      case SERVICE -> Optional.of(ServiceGroups.build((ServiceSnapshot) object, this, attach));
      case ENDPOINTS ->
          Optional.of(EndpointsGroups.build((EndpointsSnapshot) object, this, attach));
      case ENDPOINT_SLICE ->
          Optional.of(EndpointSliceGroups.build((EndpointSliceSnapshot) object, this, attach));
      case NODE -> NodeGroups.build((NodeSnapshot) object);
      default -> Optional.of(IngressGroups.build((IngressSnapshot) object, this, attach));
    };
  }

  @Override
  public Optional<PodSnapshot> pod(String key) {
    return find(ResourceKind.POD, key).map(PodSnapshot.class::cast);
  }

  @Override
  public Optional<ServiceSnapshot> service(String key) {
    return find(ResourceKind.SERVICE, key).map(ServiceSnapshot.class::cast);
  }

  @Override
  public Optional<NodeSnapshot> node(String name) {
    return find(ResourceKind.NODE, name).map(NodeSnapshot.class::cast);
  }

  @Override
  public Optional<Meta> namespace(String name) {
    return find(ResourceKind.NAMESPACE, name).map(Snapshot::meta);
  }

  private Optional<Snapshot> find(ResourceKind kind, String key) {
    KindCache<? extends Snapshot> cache = caches.get(kind);
    if (cache == null) {
      return Optional.empty();
    }
    return cache.get(key).map(Snapshot.class::cast).filter(s -> filter.accepts(kind, s));
  }
}
