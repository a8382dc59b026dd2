package io.scrapestream.allocator.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.AnyNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Informable;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The informers of one cluster connection: at most one set per kind (one cluster-wide informer, or
 * one per namespace when every user names its namespaces, see {@link InformerScope}), created on
 * first use and shared by every discoverer, scraper membership and the metadata feed. Informers
 * never resync and page their lists; their own stores keep only keys and resource versions (a
 * {@code ReducedStateItemStore}), while the {@link KindCache}s keep reduced snapshots.
 *
 * <p>A watch that drops is resumed, one answered with 410 Gone relists; fabric8 reports a relist as
 * updates of changed objects and deletes of vanished ones only, so nothing survives as a false
 * deletion. Failed lists and watches are retried with backoff for ever, even before the first
 * successful list.
 */
public final class KubernetesInformers implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KubernetesInformers.class);
  private static final long LIST_PAGE_SIZE = 500;

  private final KubernetesClient client;
  private final InformerPlan plan;
  private final KubernetesListener listener;
  private final Map<ResourceKind, KindCache<?>> caches = new EnumMap<>(ResourceKind.class);
  private final List<SharedIndexInformer<? extends HasMetadata>> informers = new ArrayList<>();
  private final ExecutorService executor;
  private boolean closed;

  public KubernetesInformers(
      KubernetesClient client, InformerPlan plan, KubernetesListener listener) {
    this.client = client;
    this.plan = plan;
    this.listener = listener;
    AtomicInteger threads = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            2,
            task -> {
              Thread thread = new Thread(task, "k8s-discovery-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /** The namespace the client is configured for (in-cluster: the allocator's own), if known. */
  public Optional<String> clientNamespace() {
    return Optional.ofNullable(client.getNamespace()).filter(ns -> !ns.isEmpty());
  }

  /** The number of fabric8 informers started so far. */
  public synchronized int informerCount() {
    return informers.size();
  }

  /** Runs the serialized work of discoverers and membership, off the informer threads. */
  java.util.concurrent.Executor executor() {
    return executor;
  }

  /** The cache of {@code kind}, starting its informer(s) on first use. */
  @SuppressWarnings("unchecked")
  synchronized <S extends Snapshot> KindCache<S> cache(ResourceKind kind) {
    if (closed) {
      throw new IllegalStateException("informers are closed. Found: a request for " + kind);
    }
    KindCache<S> cache = (KindCache<S>) caches.get(kind);
    if (cache == null) {
      cache = new KindCache<>(kind);
      caches.put(kind, cache);
      start(kind, cache);
    }
    return cache;
  }

  private void start(ResourceKind kind, KindCache<? extends Snapshot> cache) {
    InformerScope scope = kind.namespaced() ? plan.scope(kind) : InformerScope.ALL;
    List<CompletableFuture<Void>> started = new ArrayList<>();
    List<String> namespaces = scope.allNamespaces() ? List.of("") : List.copyOf(scope.namespaces());
    for (String namespace : namespaces) {
      SharedIndexInformer<? extends HasMetadata> informer = informer(kind, namespace);
      InformerFeed.attach(informer, kind, cache, client.getKubernetesSerialization(), listener);
      informers.add(informer);
      started.add(informer.start().toCompletableFuture());
      LOG.info(
          "Kubernetes informer started: kind={} namespace={}",
          kind,
          namespace.isEmpty() ? "(all)" : namespace);
    }
    CompletableFuture.allOf(started.toArray(CompletableFuture[]::new))
        .whenComplete((ok, error) -> cache.markSynced());
  }

  private SharedIndexInformer<? extends HasMetadata> informer(ResourceKind kind, String ns) {
    return switch (kind) {
      case POD -> paged(scoped(client.pods(), ns));
      case SERVICE -> paged(scoped(client.services(), ns));
      case ENDPOINTS -> paged(scoped(client.endpoints(), ns));
      case ENDPOINT_SLICE -> paged(scoped(client.discovery().v1().endpointSlices(), ns));
      case NODE -> paged(client.nodes());
      case INGRESS -> paged(scoped(client.network().v1().ingresses(), ns));
      case NAMESPACE -> paged(client.namespaces());
      case REPLICA_SET -> paged(scoped(client.apps().replicaSets(), ns));
      case JOB -> paged(scoped(client.batch().v1().jobs(), ns));
    };
  }

  private static <T extends HasMetadata, L extends KubernetesResourceList<T>, R extends Resource<T>>
      AnyNamespaceOperation<T, L, R> scoped(MixedOperation<T, L, R> operation, String namespace) {
    return namespace.isEmpty() ? operation.inAnyNamespace() : operation.inNamespace(namespace);
  }

  private static <T extends HasMetadata> SharedIndexInformer<T> paged(Informable<T> informable) {
    return informable.withLimit(LIST_PAGE_SIZE).runnableInformer(0);
  }

  /**
   * Stops every informer and the discovery threads; the client stays open (its owner closes it).
   */
  @Override
  public synchronized void close() {
    closed = true;
    informers.forEach(SharedIndexInformer::stop);
    executor.shutdownNow();
  }
}
