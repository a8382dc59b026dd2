package io.scrapestream.allocator.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.scrapestream.allocator.discovery.TargetGroup;
import io.scrapestream.core.config.KubernetesRole;
import io.scrapestream.core.config.KubernetesSdConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Role endpoints, with the expectations of Prometheus's tests. */
@EnableKubernetesMockClient(crud = true, https = false)
@Timeout(60)
class EndpointsDiscoveryIT {
  private static final Duration WAIT = Duration.ofSeconds(15);

  KubernetesClient client;
  private DiscoveryHarness harness;

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void shouldReportEveryAddressAndPortWhenEndpointsHaveSubsets() {
    client
        .resource(
            new EndpointsBuilder()
                .withNewMetadata()
                .withName("testendpoints")
                .withNamespace("default")
                .endMetadata()
                .addNewSubset()
                .addNewAddress()
                .withIp("1.2.3.4")
                .withHostname("testendpoint1")
                .withNodeName("foobar")
                .endAddress()
                .addNewPort()
                .withName("testport")
                .withPort(9000)
                .withProtocol("TCP")
                .endPort()
                .endSubset()
                .addNewSubset()
                .addNewAddress()
                .withIp("2.3.4.5")
                .endAddress()
                .addNewNotReadyAddress()
                .withIp("2.3.4.5")
                .endNotReadyAddress()
                .addNewPort()
                .withName("testport")
                .withPort(9001)
                .withProtocol("TCP")
                .endPort()
                .endSubset()
                .addNewSubset()
                .addNewAddress()
                .withIp("6.7.8.9")
                .withNewTargetRef()
                .withKind("Node")
                .withName("barbaz")
                .endTargetRef()
                .endAddress()
                .addNewPort()
                .withName("testport")
                .withPort(9002)
                .withProtocol("TCP")
                .endPort()
                .endSubset()
                .build())
        .create();

    RecordingGroups groups = start(KubernetesRole.ENDPOINTS);

    await().atMost(WAIT).until(() -> groups.batchCount() == 1);
    Map<String, String> first = new HashMap<>(endpointTarget("1.2.3.4:9000", "true"));
    first.put("__meta_kubernetes_endpoint_hostname", "testendpoint1");
    first.put("__meta_kubernetes_endpoint_node_name", "foobar");
    Map<String, String> node = new HashMap<>(endpointTarget("6.7.8.9:9002", "true"));
    node.put("__meta_kubernetes_endpoint_address_target_kind", "Node");
    node.put("__meta_kubernetes_endpoint_address_target_name", "barbaz");
    assertThat(groups.all())
        .containsExactly(
            new TargetGroup(
                "endpoints/default/testendpoints",
                List.of(
                    first,
                    endpointTarget("2.3.4.5:9001", "true"),
                    endpointTarget("2.3.4.5:9001", "false"),
                    node),
                Map.of(
                    "__meta_kubernetes_namespace", "default",
                    "__meta_kubernetes_endpoints_name", "testendpoints")));
  }

  @Test
  void shouldJoinServiceAndPodAndFollowPodChangesWhenEndpointsPointAtAPod() {
    client
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName("testendpoints")
                .withNamespace("default")
                .withLabels(Map.of("app", "web"))
                .endMetadata()
                .build())
        .create();
    Pod pod = client.resource(twoPortPod()).create();
    client
        .resource(
            new EndpointsBuilder()
                .withNewMetadata()
                .withName("testendpoints")
                .withNamespace("default")
                .endMetadata()
                .addNewSubset()
                .addNewAddress()
                .withIp("4.3.2.1")
                .withNewTargetRef()
                .withKind("Pod")
                .withName("testpod")
                .withNamespace("default")
                .endTargetRef()
                .endAddress()
                .addNewPort()
                .withName("testport")
                .withPort(9000)
                .withProtocol("TCP")
                .endPort()
                .endSubset()
                .build())
        .create();
    RecordingGroups groups = start(KubernetesRole.ENDPOINTS);
    await().atMost(WAIT).until(() -> groups.batchCount() >= 1);
    int initial = groups.batchCount();

    client
        .resource(new PodBuilder(pod).editStatus().withPhase("Succeeded").endStatus().build())
        .update();

    await().atMost(WAIT).until(() -> groups.batchCount() > initial);
    String uid = pod.getMetadata().getUid();
    Map<String, String> covered = new HashMap<>(endpointTarget("4.3.2.1:9000", "true"));
    covered.put("__meta_kubernetes_endpoint_address_target_kind", "Pod");
    covered.put("__meta_kubernetes_endpoint_address_target_name", "testpod");
    covered.putAll(podLabels(uid, "Running"));
    covered.putAll(containerPort("testport", "9000"));
    Map<String, String> uncovered = new HashMap<>(podLabels(uid, "Running"));
    uncovered.putAll(containerPort("metrics", "9090"));
    uncovered.put("__address__", "4.3.2.1:9090");
    Map<String, String> labels =
        Map.of(
            "__meta_kubernetes_namespace", "default",
            "__meta_kubernetes_endpoints_name", "testendpoints",
            "__meta_kubernetes_service_name", "testendpoints",
            "__meta_kubernetes_service_label_app", "web",
            "__meta_kubernetes_service_labelpresent_app", "true");
    assertThat(groups.all().get(initial - 1))
        .isEqualTo(
            new TargetGroup(
                "endpoints/default/testendpoints", List.of(covered, uncovered), labels));
    covered.put("__meta_kubernetes_pod_phase", "Succeeded");
    uncovered.put("__meta_kubernetes_pod_phase", "Succeeded");
    assertThat(groups.latest().get("endpoints/default/testendpoints"))
        .isEqualTo(
            new TargetGroup(
                "endpoints/default/testendpoints", List.of(covered, uncovered), labels));
  }

  private RecordingGroups start(KubernetesRole role) {
    harness = new DiscoveryHarness(client, KubernetesSdConfig.of(role));
    return harness.start(KubernetesSdConfig.of(role));
  }

  private static Pod twoPortPod() {
    return new PodBuilder(K8sObjects.pod("default", "testpod"))
        .editSpec()
        .editFirstContainer()
        .addNewPort()
        .withName("metrics")
        .withProtocol("TCP")
        .withContainerPort(9090)
        .endPort()
        .endContainer()
        .endSpec()
        .editStatus()
        .withPodIP("4.3.2.1")
        .endStatus()
        .build();
  }

  private static Map<String, String> podLabels(String uid, String phase) {
    Map<String, String> labels = new HashMap<>(PodDiscoveryIT.podLabels("default", uid));
    labels.remove("__meta_kubernetes_namespace");
    labels.put("__meta_kubernetes_pod_ip", "4.3.2.1");
    labels.put("__meta_kubernetes_pod_phase", phase);
    return labels;
  }

  private static Map<String, String> containerPort(String name, String number) {
    return Map.of(
        "__meta_kubernetes_pod_container_name", "testcontainer",
        "__meta_kubernetes_pod_container_image", "testcontainer:latest",
        "__meta_kubernetes_pod_container_port_name", name,
        "__meta_kubernetes_pod_container_port_number", number,
        "__meta_kubernetes_pod_container_port_protocol", "TCP",
        "__meta_kubernetes_pod_container_init", "false");
  }

  private static Map<String, String> endpointTarget(String address, String ready) {
    return Map.of(
        "__address__",
        address,
        "__meta_kubernetes_endpoint_port_name",
        "testport",
        "__meta_kubernetes_endpoint_port_protocol",
        "TCP",
        "__meta_kubernetes_endpoint_ready",
        ready);
  }
}
