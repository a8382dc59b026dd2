package io.scrapestream.allocator.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.scrapestream.core.config.KubernetesSdConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Starts discoverers on one set of shared informers, and stops them all. */
final class DiscoveryHarness implements AutoCloseable {
  private final KubernetesInformers informers;
  private final List<KubernetesDiscoverer> discoverers = new ArrayList<>();

  DiscoveryHarness(KubernetesClient client, KubernetesSdConfig... configs) {
    InformerPlan plan = InformerPlan.empty();
    for (KubernetesSdConfig config : configs) {
      plan = plan.merge(InformerPlan.forDiscovery(config, Optional.empty()));
    }
    informers = new KubernetesInformers(client, plan, KubernetesListener.NO_OP);
  }

  KubernetesInformers informers() {
    return informers;
  }

  /**
   * Starts a discoverer for {@code config} reporting to a new recorder, and returns the recorder.
   */
  RecordingGroups start(KubernetesSdConfig config) {
    RecordingGroups groups = new RecordingGroups();
    KubernetesDiscoverer discoverer = new KubernetesDiscoverer(informers, config);
    discoverers.add(discoverer);
    discoverer.start(groups);
    return groups;
  }

  @Override
  public void close() {
    discoverers.forEach(KubernetesDiscoverer::close);
    informers.close();
  }
}
