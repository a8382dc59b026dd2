package io.scrapestream.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChartRbacTest {
  private static final Set<String> READ_ONLY = Set.of("get", "list", "watch");

  @Test
  void shouldGrantOnlyReadVerbsOnWhatDiscoveryReadsWhenDefaults() {
    List<ClusterRole> roles = Chart.ofKind(Chart.defaults(), ClusterRole.class);

    assertThat(roles).singleElement();
    List<PolicyRule> rules = roles.get(0).getRules();
    rules.forEach(rule -> assertThat(READ_ONLY).containsAll(rule.getVerbs()));
    assertThat(rules)
        .extracting(PolicyRule::getApiGroups, PolicyRule::getResources)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                List.of(""), List.of("pods", "services", "endpoints", "nodes", "namespaces")),
            org.assertj.core.groups.Tuple.tuple(
                List.of("discovery.k8s.io"), List.of("endpointslices")),
            org.assertj.core.groups.Tuple.tuple(List.of("apps"), List.of("replicasets")),
            org.assertj.core.groups.Tuple.tuple(List.of("batch"), List.of("jobs")),
            org.assertj.core.groups.Tuple.tuple(List.of("networking.k8s.io"), List.of("ingresses")),
            org.assertj.core.groups.Tuple.tuple(
                List.of("monitoring.coreos.com"),
                List.of("servicemonitors", "podmonitors", "scrapeconfigs", "probes")));
    assertThat(rules).allSatisfy(rule -> assertThat(rule.getResources()).doesNotContain("secrets"));
    assertThat(Chart.ofKind(Chart.defaults(), Role.class)).isEmpty();
  }

  @Test
  void shouldBindTheClusterRoleToTheAllocatorOnlyWhenDefaults() {
    List<HasMetadata> resources = Chart.defaults();

    ClusterRoleBinding binding = Chart.ofKind(resources, ClusterRoleBinding.class).get(0);

    assertThat(binding.getRoleRef().getName()).isEqualTo("ss-scrapestream-allocator");
    assertThat(binding.getSubjects())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.getKind()).isEqualTo("ServiceAccount");
              assertThat(s.getName()).isEqualTo("ss-scrapestream-allocator");
              assertThat(s.getNamespace()).isEqualTo(Chart.NAMESPACE);
            });
    Workloads.podSpecs(resources)
        .forEach(
            (name, pod) ->
                assertThat(pod.getAutomountServiceAccountToken())
                    .as(name)
                    .isEqualTo(name.equals("Deployment/ss-scrapestream-allocator")));
  }

  @Test
  void shouldGrantGetOnSecretsOnlyInListedNamespacesWhenOptedIn() {
    List<HasMetadata> resources =
        Chart.manifests(
            Chart.template(
                null,
                Map.of(
                    "allocator.rbac.secretsNamespaces[0]", "apps",
                    "allocator.rbac.secretsNamespaces[1]", "payments")));

    List<Role> roles = Chart.ofKind(resources, Role.class);
    List<RoleBinding> bindings = Chart.ofKind(resources, RoleBinding.class);

    assertThat(roles)
        .extracting(r -> r.getMetadata().getNamespace())
        .containsExactly("apps", "payments");
    assertThat(roles).allSatisfy(ChartRbacTest::assertGetsSecretsOnly);
    assertThat(bindings)
        .extracting(b -> b.getMetadata().getNamespace(), b -> b.getRoleRef().getName())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("apps", "ss-scrapestream-allocator-secrets"),
            org.assertj.core.groups.Tuple.tuple("payments", "ss-scrapestream-allocator-secrets"));
  }

  private static void assertGetsSecretsOnly(Role role) {
    assertThat(role.getRules()).hasSize(1);
    PolicyRule rule = role.getRules().get(0);
    assertThat(rule.getApiGroups()).containsExactly("");
    assertThat(rule.getResources()).containsExactly("secrets");
    assertThat(rule.getVerbs()).containsExactly("get");
  }
}
