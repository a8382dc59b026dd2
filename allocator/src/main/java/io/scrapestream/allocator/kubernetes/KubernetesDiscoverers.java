package io.scrapestream.allocator.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.scrapestream.core.config.KubernetesAllocatorSettings;
import io.scrapestream.core.config.KubernetesSdConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Every Kubernetes connection of the allocator, each with one client and one {@link
 * KubernetesInformers} planned from all the {@code kubernetes_sd_configs} that use it; the default
 * (in-cluster) connection also carries scraper membership and the metadata feed. Build it once at
 * start-up from the whole configuration, then ask for one discoverer per config.
 */
public final class KubernetesDiscoverers implements AutoCloseable {
  private final Map<KubernetesConnection, KubernetesClient> clients = new LinkedHashMap<>();
  private final Map<KubernetesConnection, KubernetesInformers> informers = new LinkedHashMap<>();

  /**
   * @param sdConfigs every {@code kubernetes_sd_config} of every job
   * @param settings {@code allocator.kubernetes}: membership and metadata join the default plan
   * @param connect opens a client for a connection ({@link KubernetesConnection#connect} in
   *     production)
   */
  public KubernetesDiscoverers(
      List<KubernetesSdConfig> sdConfigs,
      KubernetesAllocatorSettings settings,
      Function<KubernetesConnection, KubernetesClient> connect,
      KubernetesListener listener) {
    Set<KubernetesConnection> connections = new LinkedHashSet<>();
    connections.add(KubernetesConnection.DEFAULT);
    sdConfigs.forEach(c -> connections.add(KubernetesConnection.of(c)));
    for (KubernetesConnection connection : connections) {
      KubernetesClient client = connect.apply(connection);
      clients.put(connection, client);
      Optional<String> own = Optional.ofNullable(client.getNamespace()).filter(ns -> !ns.isEmpty());
      InformerPlan plan = InformerPlan.empty();
      for (KubernetesSdConfig config : sdConfigs) {
        if (KubernetesConnection.of(config).equals(connection)) {
          plan = plan.merge(InformerPlan.forDiscovery(config, own));
        }
      }
      if (connection.equals(KubernetesConnection.DEFAULT)) {
        plan = plan.merge(defaultPlan(settings, own));
      }
      informers.put(connection, new KubernetesInformers(client, plan, listener));
    }
  }

  /** A discoverer for {@code config}, on its connection's shared informers. */
  public KubernetesDiscoverer discoverer(KubernetesSdConfig config) {
    KubernetesInformers shared = informers.get(KubernetesConnection.of(config));
    if (shared == null) {
      throw new IllegalArgumentException(
          "kubernetes_sd_config was not given at construction. Found: "
              + KubernetesConnection.of(config));
    }
    return new KubernetesDiscoverer(shared, config);
  }

  /** The namespace the allocator runs in (from the service account), when it runs in a pod. */
  public Optional<String> ownNamespace() {
    return Optional.ofNullable(clients.get(KubernetesConnection.DEFAULT).getNamespace())
        .filter(ns -> !ns.isEmpty());
  }

  /** The client of the allocator's own connection (Prometheus-Operator monitors use it). */
  KubernetesClient defaultClient() {
    return clients.get(KubernetesConnection.DEFAULT);
  }

  /** The informers of the allocator's own connection, for membership and the metadata feed. */
  public KubernetesInformers defaultInformers() {
    return informers.get(KubernetesConnection.DEFAULT);
  }

  /** Membership pods in their namespace, and every kind the metadata feed reads. */
  static InformerPlan defaultPlan(KubernetesAllocatorSettings settings, Optional<String> own) {
    InformerPlan plan = InformerPlan.empty();
    Optional<String> scraperNamespace = settings.scraperNamespace().or(() -> own);
    if (settings.scraperSelector().isPresent() && scraperNamespace.isPresent()) {
      plan = plan.with(ResourceKind.POD, InformerScope.of(List.of(scraperNamespace.get())));
    }
    if (settings.metadataEnabled()) {
      for (ResourceKind kind :
          List.of(
              ResourceKind.POD,
              ResourceKind.NAMESPACE,
              ResourceKind.NODE,
              ResourceKind.REPLICA_SET,
              ResourceKind.JOB)) {
        plan = plan.with(kind, InformerScope.ALL);
      }
    }
    return plan;
  }

  /** Stops every informer, then closes every client. */
  @Override
  public void close() {
    List<RuntimeException> errors = new ArrayList<>();
    informers.values().forEach(KubernetesInformers::close);
    for (KubernetesClient client : clients.values()) {
      try {
        client.close();
      } catch (RuntimeException e) {
        errors.add(e);
      }
    }
    if (!errors.isEmpty()) {
      throw errors.get(0);
    }
  }
}
