package io.scrapestream.allocator.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.ReducedStateItemStore;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.scrapestream.allocator.kubernetes.KubernetesListener.Change;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds one informer's events into its kind's {@link KindCache} as snapshots. The informer's own
 * store is reduced to keys and resource versions: the snapshots are the only full copy kept.
 */
final class InformerFeed<T extends HasMetadata> implements ResourceEventHandler<T> {
  private static final Logger LOG = LoggerFactory.getLogger(InformerFeed.class);

  private final ResourceKind kind;
  private final KindCache<Snapshot> cache;
  private final KubernetesListener listener;

  @SuppressWarnings("unchecked")
  private InformerFeed(
      ResourceKind kind, KindCache<? extends Snapshot> cache, KubernetesListener listener) {
    this.kind = kind;
    this.cache = (KindCache<Snapshot>) cache;
    this.listener = listener;
  }

  /** Configures a not yet started informer to feed {@code cache}. */
  static <T extends HasMetadata> void attach(
      SharedIndexInformer<T> informer,
      ResourceKind kind,
      KindCache<? extends Snapshot> cache,
      KubernetesSerialization serialization,
      KubernetesListener listener) {
    informer.itemStore(
        new ReducedStateItemStore<>(
            ReducedStateItemStore.NAME_KEY_STATE, informer.getApiTypeClass(), serialization));
    informer.removeNamespaceIndex();
    informer.exceptionHandler(
        (started, error) -> {
          listener.watchFailed(kind);
          LOG.debug("Kubernetes {} list/watch failed, retrying: {}", kind, error.toString());
          return true;
        });
    informer.addEventHandler(new InformerFeed<>(kind, cache, listener));
  }

  @Override
  public void onAdd(T object) {
    listener.objectChanged(kind, Change.ADD);
    store(object);
  }

  @Override
  public void onUpdate(T previous, T object) {
    listener.objectChanged(kind, Change.UPDATE);
    store(object);
  }

  @Override
  public void onDelete(T object, boolean finalStateUnknown) {
    listener.objectChanged(kind, Change.DELETE);
    cache.remove(key(object));
  }

  private void store(T object) {
    try {
      cache.put(Snapshots.of(kind, object));
    } catch (RuntimeException e) {
      LOG.warn("Skipping Kubernetes {} {}: cannot read it: {}", kind, key(object), e.toString());
    }
  }

  private static String key(HasMetadata object) {
    ObjectMeta meta = object.getMetadata();
    return Meta.key(Snapshots.text(meta.getNamespace()), Snapshots.text(meta.getName()));
  }
}
