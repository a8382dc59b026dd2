package io.scrapestream.allocator.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scrapestream.core.config.FieldSelector;
import io.scrapestream.core.config.KubernetesAttachMetadata;
import io.scrapestream.core.config.KubernetesNamespaces;
import io.scrapestream.core.config.KubernetesRole;
import io.scrapestream.core.config.KubernetesSdConfig;
import io.scrapestream.core.config.KubernetesSelector;
import io.scrapestream.core.config.LabelSelector;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every job shares one watch per kind, whatever its selectors. */
@Timeout(60)
class SharedInformersIT {
  private static final Duration WAIT = Duration.ofSeconds(15);

  @Test
  void shouldOpenOneWatchPerKindWhenSeveralJobsDiscoverTheSameKinds() {
    KubernetesSdConfig webPods = podsWith("app=web");
    KubernetesSdConfig dbPods = podsWith("app=db");
    KubernetesSdConfig endpoints =
        new KubernetesSdConfig(
            KubernetesRole.ENDPOINTS,
            Optional.empty(),
            Optional.empty(),
            KubernetesNamespaces.all(),
            List.of(),
            new KubernetesAttachMetadata(true, false));
    KubernetesSdConfig slices = KubernetesSdConfig.of(KubernetesRole.ENDPOINTSLICE);
    try (FlakyApiServer server = new FlakyApiServer();
        DiscoveryHarness harness =
            new DiscoveryHarness(server.client(), webPods, dbPods, endpoints, slices)) {
      server.client().resource(K8sObjects.pod("default", "web")).create();
      List<RecordingGroups> recorders =
          List.of(
              harness.start(webPods),
              harness.start(dbPods),
              harness.start(endpoints),
              harness.start(slices));

      await().atMost(WAIT).until(() -> server.watches("/api/v1/nodes") == 1);
      assertThat(harness.informers().informerCount()).isEqualTo(5);
      assertThat(
              List.of(
                  server.watches("/api/v1/pods"),
                  server.watches("/api/v1/services"),
                  server.watches("/api/v1/endpoints"),
                  server.watches("/apis/discovery.k8s.io/v1/endpointslices"),
                  server.watches("/api/v1/nodes")))
          .containsExactly(1L, 1L, 1L, 1L, 1L);
      assertThat(recorders.get(0).batchCount()).isZero();
    }
  }

  @Test
  void shouldWatchEachNamedNamespaceOnceWhenEveryJobNamesNamespaces() {
    KubernetesSdConfig a = podsIn("ns1", "ns2");
    KubernetesSdConfig b = podsIn("ns2");
    try (FlakyApiServer server = new FlakyApiServer();
        DiscoveryHarness harness = new DiscoveryHarness(server.client(), a, b)) {
      harness.start(a);
      harness.start(b);

      await().atMost(WAIT).until(() -> server.watches("/api/v1/namespaces/ns2/pods") == 1);
      assertThat(harness.informers().informerCount()).isEqualTo(2);
      assertThat(server.watches("/api/v1/namespaces/ns1/pods")).isEqualTo(1);
      assertThat(server.watches("/api/v1/pods")).isZero();
    }
  }

  private static KubernetesSdConfig podsWith(String label) {
    return new KubernetesSdConfig(
        KubernetesRole.POD,
        Optional.empty(),
        Optional.empty(),
        KubernetesNamespaces.all(),
        List.of(
            new KubernetesSelector(
                KubernetesRole.POD, LabelSelector.parse(label), FieldSelector.everything())),
        KubernetesAttachMetadata.none());
  }

  private static KubernetesSdConfig podsIn(String... namespaces) {
    return new KubernetesSdConfig(
        KubernetesRole.POD,
        Optional.empty(),
        Optional.empty(),
        new KubernetesNamespaces(false, List.of(namespaces)),
        List.of(),
        KubernetesAttachMetadata.none());
  }
}
