package io.scrapestream.allocator.kubernetes;

import io.scrapestream.allocator.discovery.Discoverer;
import io.scrapestream.allocator.discovery.TargetGroup;
import io.scrapestream.allocator.discovery.TargetGroupListener;
import io.scrapestream.core.config.KubernetesSdConfig;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discovery for one {@code kubernetes_sd_config}: reads the shared caches of {@link
 * KubernetesInformers}, filters them by its namespaces and selectors, and reports the groups
 * Prometheus would (source {@code pod/<namespace>/<name>}, {@code svc/...}, {@code endpoints/...},
 * {@code endpointslice/...}, {@code node/<name>}, {@code ingress/...}). It starts reporting once
 * every cache it reads has listed, with one batch holding every group; then each changed group. An
 * object deleted, or no longer matching, gets an empty group; a relist or a dropped watch reports
 * only real changes, so targets never vanish because the API server was unreachable.
 */
public final class KubernetesDiscoverer implements Discoverer {
  private static final Logger LOG = LoggerFactory.getLogger(KubernetesDiscoverer.class);

  private final KubernetesInformers informers;
  private final KubernetesSdConfig config;
  private final List<Runnable> unsubscribers = new ArrayList<>();
  private final Set<String> reported = ConcurrentHashMap.newKeySet();
  private SourceQueue queue;
  private RoleSources sources;
  private TargetGroupListener updates;

  public KubernetesDiscoverer(KubernetesInformers informers, KubernetesSdConfig config) {
    this.informers = informers;
    this.config = config;
  }

  @Override
  public synchronized void start(TargetGroupListener updates) {
    this.updates = updates;
    InformerScope scope = InformerPlan.scope(config, informers.clientNamespace());
    Map<ResourceKind, KindCache<? extends Snapshot>> caches = new EnumMap<>(ResourceKind.class);
    for (ResourceKind kind : InformerPlan.kinds(config)) {
      caches.put(kind, informers.cache(kind));
    }
    sources = new RoleSources(config, new SnapshotFilter(config, scope), caches);
    queue = new SourceQueue(informers.executor(), this::process);
    caches.forEach(
        (kind, cache) ->
            unsubscribers.add(
                cache.subscribe(
                    (key, previous, current) -> queue.add(sources.affected(kind, key)))));
    CompletableFuture.allOf(
            caches.values().stream().map(KindCache::synced).toArray(CompletableFuture[]::new))
        .thenRun(queue::enable);
    LOG.info(
        "Kubernetes discovery started: role={} kinds={}",
        config.role().configName(),
        caches.keySet());
  }

  private void process(List<String> keys) {
    List<TargetGroup> groups = new ArrayList<>();
    for (String key : keys) {
      try {
        group(key).ifPresent(groups::add);
      } catch (RuntimeException e) {
        LOG.warn("Skipping Kubernetes source {}: cannot build its targets", sources.source(key), e);
      }
    }
    if (!groups.isEmpty()) {
      try {
        updates.groupsChanged(groups);
      } catch (RuntimeException e) {
        LOG.error("Target group listener failed on {} groups", groups.size(), e);
      }
    }
  }

  private Optional<TargetGroup> group(String key) {
    Optional<Snapshot> object = sources.object(key);
    if (object.isEmpty()) {
      return reported.remove(key)
          ? Optional.of(TargetGroup.empty(sources.source(key)))
          : Optional.empty();
    }
    Optional<TargetGroup> group = sources.build(object.get());
    group.ifPresent(g -> reported.add(key));
    return group;
  }

  @Override
  public synchronized void close() {
    unsubscribers.forEach(Runnable::run);
    unsubscribers.clear();
    if (queue != null) {
      queue.close();
    }
  }
}
