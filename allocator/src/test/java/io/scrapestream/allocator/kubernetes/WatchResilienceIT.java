package io.scrapestream.allocator.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scrapestream.allocator.discovery.TargetGroup;
import io.scrapestream.core.config.KubernetesRole;
import io.scrapestream.core.config.KubernetesSdConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A watch that drops or answers 410 Gone relists; while disconnected targets stay as they were, and
 * after the relist only real changes are reported: never an empty group for a pod that still
 * exists.
 */
@Timeout(90)
class WatchResilienceIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String PODS = "/api/v1/pods";

  private final FlakyApiServer server = new FlakyApiServer();
  private final RecordingGroups groups = new RecordingGroups();
  private KubernetesInformers informers;
  private KubernetesDiscoverer discoverer;

  @AfterEach
  void stop() {
    discoverer.close();
    informers.close();
    server.close();
  }

  @Test
  void shouldReportOnlyRealChangesWhenWatchDropsAndReconnectGetsGone() {
    for (String name : new String[] {"a", "b", "c"}) {
      server.client().resource(K8sObjects.pod("default", name)).create();
    }
    start();
    await().atMost(WAIT).until(() -> groups.latest().size() == 3);
    groups.clear();

    server.refuseWatches(true);
    server.dropWatches();
    await().atMost(WAIT).until(() -> server.watches(PODS) >= 3);
    server.client().pods().inNamespace("default").withName("b").delete();
    String uidD =
        server.client().resource(K8sObjects.pod("default", "d")).create().getMetadata().getUid();
    await().atMost(WAIT).until(() -> server.watches(PODS) >= 5);
    assertThat(groups.all()).isEmpty();
    server.goneOnNextWatch(PODS);
    server.refuseWatches(false);

    await().atMost(WAIT).until(() -> groups.latest().size() == 2);
    assertThat(groups.latest())
        .isEqualTo(
            Map.of(
                "pod/default/b", TargetGroup.empty("pod/default/b"),
                "pod/default/d", group("default", "d", uidD)));
    assertThat(groups.all()).hasSize(2);
  }

  @Test
  void shouldRelistWithoutReportingAnythingWhenOpenWatchAnswersGone() {
    for (String name : new String[] {"a", "b"}) {
      server.client().resource(K8sObjects.pod("default", name)).create();
    }
    start();
    await().atMost(WAIT).until(() -> groups.latest().size() == 2);
    groups.clear();
    long listsBefore = server.lists(PODS);

    server.sendGoneOnOpenWatches();

    await().atMost(WAIT).until(() -> server.lists(PODS) > listsBefore);
    String uidC =
        server.client().resource(K8sObjects.pod("default", "c")).create().getMetadata().getUid();
    await().atMost(WAIT).until(() -> !groups.all().isEmpty());
    assertThat(groups.all()).containsExactly(group("default", "c", uidC));
  }

  private void start() {
    KubernetesSdConfig config = KubernetesSdConfig.of(KubernetesRole.POD);
    informers =
        new KubernetesInformers(
            server.client(),
            InformerPlan.forDiscovery(config, Optional.empty()),
            KubernetesListener.NO_OP);
    discoverer = new KubernetesDiscoverer(informers, config);
    discoverer.start(groups);
  }

  private static TargetGroup group(String namespace, String name, String uid) {
    TargetGroup testpod = PodDiscoveryIT.singlePortGroup(namespace, uid);
    Map<String, String> labels = new java.util.HashMap<>(testpod.labels());
    labels.put("__meta_kubernetes_pod_name", name);
    return new TargetGroup("pod/" + namespace + "/" + name, testpod.targets(), labels);
  }
}
