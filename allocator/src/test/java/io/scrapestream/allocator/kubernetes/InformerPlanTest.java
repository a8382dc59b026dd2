package io.scrapestream.allocator.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.scrapestream.core.config.KubernetesAttachMetadata;
import io.scrapestream.core.config.KubernetesNamespaces;
import io.scrapestream.core.config.KubernetesRole;
import io.scrapestream.core.config.KubernetesSdConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InformerPlanTest {

  @Test
  void shouldWatchJoinedAndAttachedKindsWhenRoleIsEndpointSlice() {
    KubernetesSdConfig config =
        config(
            KubernetesRole.ENDPOINTSLICE, List.of("a"), new KubernetesAttachMetadata(true, true));

    assertThat(InformerPlan.forDiscovery(config, Optional.empty()).scopes())
        .isEqualTo(
            Map.of(
                ResourceKind.ENDPOINT_SLICE, InformerScope.of(List.of("a")),
                ResourceKind.SERVICE, InformerScope.of(List.of("a")),
                ResourceKind.POD, InformerScope.of(List.of("a")),
                ResourceKind.NODE, InformerScope.ALL,
                ResourceKind.NAMESPACE, InformerScope.ALL));
  }

  @Test
  void shouldWatchClusterWideWhenOneUserNeedsEveryNamespace() {
    InformerPlan plan =
        InformerPlan.forDiscovery(
                config(KubernetesRole.POD, List.of("a"), KubernetesAttachMetadata.none()),
                Optional.empty())
            .merge(
                InformerPlan.forDiscovery(
                    config(KubernetesRole.POD, List.of("b"), KubernetesAttachMetadata.none()),
                    Optional.empty()));

    assertThat(plan.scope(ResourceKind.POD)).isEqualTo(InformerScope.of(List.of("a", "b")));
    assertThat(plan.with(ResourceKind.POD, InformerScope.ALL).scope(ResourceKind.POD))
        .isEqualTo(InformerScope.ALL);
  }

  @Test
  void shouldAddOwnNamespaceWhenAskedAndKnown() {
    KubernetesSdConfig config =
        new KubernetesSdConfig(
            KubernetesRole.SERVICE,
            Optional.empty(),
            Optional.empty(),
            new KubernetesNamespaces(true, List.of("a")),
            List.of(),
            KubernetesAttachMetadata.none());

    assertThat(
            InformerPlan.forDiscovery(config, Optional.of("monitoring"))
                .scope(ResourceKind.SERVICE))
        .isEqualTo(InformerScope.of(List.of("a", "monitoring")));
    assertThatIllegalStateException()
        .isThrownBy(() -> InformerPlan.forDiscovery(config, Optional.empty()))
        .withMessage(
            "namespaces.own_namespace is true but the allocator's own namespace is unknown (no"
                + " in-cluster service account namespace). Found: none");
  }

  private static KubernetesSdConfig config(
      KubernetesRole role, List<String> namespaces, KubernetesAttachMetadata attach) {
    return new KubernetesSdConfig(
        role,
        Optional.empty(),
        Optional.empty(),
        new KubernetesNamespaces(false, namespaces),
        List.of(),
        attach);
  }
}
