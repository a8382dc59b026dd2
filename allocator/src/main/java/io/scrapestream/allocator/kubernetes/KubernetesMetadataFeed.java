package io.scrapestream.allocator.kubernetes;

import io.scrapestream.allocator.metadata.MetadataSink;
import io.scrapestream.allocator.metadata.ObjectMetadata;
import io.scrapestream.allocator.metadata.PodMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the metadata publisher from the shared informers: pods with their owner chain resolved
 * (ReplicaSet then Deployment, Job then CronJob, or StatefulSet, DaemonSet, ...), namespaces and
 * nodes. Pods are fed once the ReplicaSet and Job caches have listed, so chains are complete from
 * the start; a ReplicaSet or Job that changes (or arrives late) re-feeds the pods it controls.
 */
public final class KubernetesMetadataFeed implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KubernetesMetadataFeed.class);

  private final KindCache<PodSnapshot> pods;
  private final KindCache<MetaSnapshot> replicaSets;
  private final KindCache<MetaSnapshot> jobs;
  private final MetadataSink sink;
  private final List<Runnable> unsubscribers = new ArrayList<>();
  private boolean closed;

  /** False until pods are subscribed: owners replayed before that have no pods to re-feed yet. */
  private volatile boolean podsFed;

  /** Subscribes to pods, namespaces, nodes, ReplicaSets and Jobs, starting their informers. */
  public KubernetesMetadataFeed(KubernetesInformers informers, MetadataSink sink) {
    this.sink = sink;
    this.pods = informers.cache(ResourceKind.POD);
    this.replicaSets = informers.cache(ResourceKind.REPLICA_SET);
    this.jobs = informers.cache(ResourceKind.JOB);
    KindCache<MetaSnapshot> namespaces = informers.cache(ResourceKind.NAMESPACE);
    KindCache<NodeSnapshot> nodes = informers.cache(ResourceKind.NODE);
    subscribe(namespaces, (key, previous, current) -> objectChanged(true, key, current));
    subscribe(nodes, (key, previous, current) -> objectChanged(false, key, current));
    CompletableFuture.allOf(replicaSets.synced(), jobs.synced())
        .thenRun(
            () -> {
              subscribe(replicaSets, (key, previous, current) -> ownerChanged(current));
              subscribe(jobs, (key, previous, current) -> ownerChanged(current));
              subscribe(pods, (key, previous, current) -> podChanged(previous, current));
              podsFed = true;
            });
  }

  private synchronized <S extends Snapshot> void subscribe(
      KindCache<S> cache, KindListener<S> listener) {
    if (!closed) {
      unsubscribers.add(cache.subscribe(guarded(listener)));
    }
  }

  private void podChanged(PodSnapshot previous, PodSnapshot current) {
    if (current != null) {
      sink.podChanged(metadata(current));
    } else {
      sink.podDeleted(metadata(previous));
    }
  }

  private void ownerChanged(MetaSnapshot owner) {
    if (owner != null && podsFed) {
      for (String podKey : pods.byIndex(Snapshot.OWNER_INDEX, owner.meta().uid())) {
        pods.get(podKey).ifPresent(pod -> sink.podChanged(metadata(pod)));
      }
    }
  }

  private void objectChanged(boolean namespace, String name, Snapshot current) {
    if (current == null) {
      if (namespace) {
        sink.namespaceDeleted(name);
      } else {
        sink.nodeDeleted(name);
      }
      return;
    }
    Meta meta = current.meta();
    ObjectMetadata object =
        new ObjectMetadata(meta.uid(), meta.name(), meta.labels(), meta.annotations());
    if (namespace) {
      sink.namespaceChanged(object);
    } else {
      sink.nodeChanged(object);
    }
  }

  /** The plain values published for a pod, its owner chain resolved from the caches. */
  PodMetadata metadata(PodSnapshot pod) {
    Meta meta = pod.meta();
    return new PodMetadata(
        meta.uid(),
        meta.name(),
        meta.namespace(),
        meta.labels(),
        meta.annotations(),
        pod.podIp(),
        pod.podIps(),
        "true".equals(pod.specFields().get("spec.hostNetwork")),
        pod.nodeName(),
        owners(meta),
        pod.phase(),
        pod.containers().stream()
            .map(c -> new PodMetadata.ContainerInfo(c.name(), c.image(), c.containerId()))
            .toList());
  }

  private List<PodMetadata.Owner> owners(Meta pod) {
    List<PodMetadata.Owner> chain = new ArrayList<>();
    Optional<Meta.OwnerRef> ref = pod.controller();
    if (ref.isEmpty()) {
      return chain;
    }
    chain.add(new PodMetadata.Owner(ref.get().kind(), ref.get().name(), ref.get().uid()));
    KindCache<MetaSnapshot> parents =
        switch (ref.get().kind()) {
          case "ReplicaSet" -> replicaSets;
          case "Job" -> jobs;
          default -> null;
        };
    if (parents != null) {
      parents
          .get(Meta.key(pod.namespace(), ref.get().name()))
          .filter(parent -> parent.meta().uid().equals(ref.get().uid()))
          .flatMap(parent -> parent.meta().controller())
          .ifPresent(up -> chain.add(new PodMetadata.Owner(up.kind(), up.name(), up.uid())));
    }
    return chain;
  }

  private static <S extends Snapshot> KindListener<S> guarded(KindListener<S> listener) {
    return (key, previous, current) -> {
      try {
        listener.changed(key, previous, current);
      } catch (RuntimeException e) {
        LOG.warn("Skipping metadata of {}: {}", key, e.toString());
      }
    };
  }

  @Override
  public synchronized void close() {
    closed = true;
    unsubscribers.forEach(Runnable::run);
    unsubscribers.clear();
  }
}
