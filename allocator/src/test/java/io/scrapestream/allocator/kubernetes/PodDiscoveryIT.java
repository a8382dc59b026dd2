package io.scrapestream.allocator.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.scrapestream.allocator.discovery.TargetGroup;
import io.scrapestream.core.config.FieldSelector;
import io.scrapestream.core.config.KubernetesAttachMetadata;
import io.scrapestream.core.config.KubernetesNamespaces;
import io.scrapestream.core.config.KubernetesRole;
import io.scrapestream.core.config.KubernetesSdConfig;
import io.scrapestream.core.config.KubernetesSelector;
import io.scrapestream.core.config.LabelSelector;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@EnableKubernetesMockClient(crud = true, https = false)
@Timeout(60)
class PodDiscoveryIT {
  private static final Duration WAIT = Duration.ofSeconds(15);

  KubernetesClient client;
  private KubernetesInformers informers;
  private KubernetesDiscoverer discoverer;
  private final RecordingGroups groups = new RecordingGroups();

  @AfterEach
  void stop() {
    if (discoverer != null) {
      discoverer.close();
    }
    if (informers != null) {
      informers.close();
    }
  }

  @Test
  void shouldReportPrometheusLabelsWhenPodHasSeveralContainersAndPorts() {
    Pod pod = client.resource(K8sObjects.multiPortPod()).create();

    start(KubernetesSdConfig.of(KubernetesRole.POD));

    await().atMost(WAIT).until(() -> groups.batchCount() == 1);
    assertThat(groups.all()).containsExactly(multiPortGroup(pod.getMetadata().getUid()));
  }

  @Test
  void shouldReportEmptyGroupWhenPodIsDeleted() {
    client.resource(K8sObjects.pod("default", "testpod")).create();
    start(KubernetesSdConfig.of(KubernetesRole.POD));
    await().atMost(WAIT).until(() -> groups.batchCount() == 1);

    client.pods().inNamespace("default").withName("testpod").delete();

    await().atMost(WAIT).until(() -> groups.batchCount() == 2);
    assertThat(groups.all().get(1)).isEqualTo(TargetGroup.empty("pod/default/testpod"));
  }

  @Test
  void shouldReplaceGroupWhenPodIsUpdated() {
    Pod created = client.resource(K8sObjects.pod("default", "testpod")).create();
    start(KubernetesSdConfig.of(KubernetesRole.POD));
    await().atMost(WAIT).until(() -> groups.batchCount() == 1);

    client
        .resource(
            new PodBuilder(created).editMetadata().addToLabels("app", "web").endMetadata().build())
        .update();

    await().atMost(WAIT).until(() -> groups.batchCount() == 2);
    Map<String, String> labels =
        new HashMap<>(podLabels("default", created.getMetadata().getUid()));
    labels.put("__meta_kubernetes_pod_label_app", "web");
    labels.put("__meta_kubernetes_pod_labelpresent_app", "true");
    assertThat(groups.all().get(1))
        .isEqualTo(new TargetGroup("pod/default/testpod", List.of(singlePortTarget()), labels));
  }

  @Test
  void shouldReportGroupWithoutTargetsWhenPodLosesItsIp() {
    Pod created = client.resource(K8sObjects.pod("default", "testpod")).create();
    start(KubernetesSdConfig.of(KubernetesRole.POD));
    await().atMost(WAIT).until(() -> groups.batchCount() == 1);

    client
        .resource(new PodBuilder(created).editStatus().withPodIP(null).endStatus().build())
        .update();

    await().atMost(WAIT).until(() -> groups.batchCount() == 2);
    assertThat(groups.all().get(1)).isEqualTo(TargetGroup.empty("pod/default/testpod"));
  }

  @Test
  void shouldReportOnlyNamedNamespacesWhenNamespacesAreSet() {
    String uid1 = client.resource(K8sObjects.pod("ns1", "testpod")).create().getMetadata().getUid();
    String uid2 = client.resource(K8sObjects.pod("ns2", "testpod")).create().getMetadata().getUid();
    client.resource(K8sObjects.pod("ns3", "testpod")).create();

    start(config(new KubernetesNamespaces(false, List.of("ns1", "ns2")), List.of(), none()));

    await().atMost(WAIT).until(() -> groups.batchCount() == 1);
    assertThat(groups.latest())
        .isEqualTo(
            Map.of(
                "pod/ns1/testpod", singlePortGroup("ns1", uid1),
                "pod/ns2/testpod", singlePortGroup("ns2", uid2)));
    assertThat(informers.informerCount()).isEqualTo(2);
  }

  @Test
  void shouldFilterBySelectorsAndReportEmptyGroupWhenPodStopsMatching() {
    Pod web = client.resource(withLabel(K8sObjects.pod("default", "web"), "app", "web")).create();
    client.resource(withLabel(K8sObjects.pod("default", "db"), "app", "db")).create();
    KubernetesSelector selector =
        new KubernetesSelector(
            KubernetesRole.POD,
            LabelSelector.parse("app in (web)"),
            FieldSelector.parse("spec.nodeName=testnode,status.phase!=Failed"));
    start(config(KubernetesNamespaces.all(), List.of(selector), none()));
    await().atMost(WAIT).until(() -> groups.batchCount() == 1);
    assertThat(groups.latest().keySet()).containsExactly("pod/default/web");

    client
        .resource(new PodBuilder(web).editStatus().withPhase("Failed").endStatus().build())
        .update();

    await().atMost(WAIT).until(() -> groups.batchCount() == 2);
    assertThat(groups.all().get(1)).isEqualTo(TargetGroup.empty("pod/default/web"));
  }

  @Test
  void shouldAttachNodeAndNamespaceMetadataAndFollowTheirChangesWhenAsked() {
    client.resource(K8sObjects.node("testnode", Map.of("l1", "v1"), Map.of())).create();
    client
        .resource(K8sObjects.namespace("test-ns", Map.of("app", "web"), Map.of("build", "v3.4.5")))
        .create();
    String uid =
        client.resource(K8sObjects.pod("test-ns", "testpod")).create().getMetadata().getUid();
    start(config(KubernetesNamespaces.all(), List.of(), new KubernetesAttachMetadata(true, true)));
    await().atMost(WAIT).until(() -> groups.batchCount() == 1);

    client.resource(K8sObjects.node("testnode", Map.of("l2", "v2"), Map.of("a", "b"))).update();

    Map<String, String> labels = new HashMap<>(podLabels("test-ns", uid));
    labels.put("__meta_kubernetes_node_name", "testnode");
    labels.put("__meta_kubernetes_node_label_l2", "v2");
    labels.put("__meta_kubernetes_node_labelpresent_l2", "true");
    labels.put("__meta_kubernetes_node_annotation_a", "b");
    labels.put("__meta_kubernetes_node_annotationpresent_a", "true");
    labels.put("__meta_kubernetes_namespace_label_app", "web");
    labels.put("__meta_kubernetes_namespace_labelpresent_app", "true");
    labels.put("__meta_kubernetes_namespace_annotation_build", "v3.4.5");
    labels.put("__meta_kubernetes_namespace_annotationpresent_build", "true");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(groups.latest())
                    .isEqualTo(
                        Map.of(
                            "pod/test-ns/testpod",
                            new TargetGroup(
                                "pod/test-ns/testpod", List.of(singlePortTarget()), labels))));
  }

  private void start(KubernetesSdConfig config) {
    informers =
        new KubernetesInformers(
            client, InformerPlan.forDiscovery(config, Optional.empty()), KubernetesListener.NO_OP);
    discoverer = new KubernetesDiscoverer(informers, config);
    discoverer.start(groups);
  }

  private static KubernetesSdConfig config(
      KubernetesNamespaces namespaces,
      List<KubernetesSelector> selectors,
      KubernetesAttachMetadata attach) {
    return new KubernetesSdConfig(
        KubernetesRole.POD, Optional.empty(), Optional.empty(), namespaces, selectors, attach);
  }

  private static KubernetesAttachMetadata none() {
    return KubernetesAttachMetadata.none();
  }

  private static Pod withLabel(Pod pod, String key, String value) {
    return new PodBuilder(pod).editMetadata().addToLabels(key, value).endMetadata().build();
  }

  /** Prometheus's TestPodDiscoveryBeforeRun expectation (the uid comes from the API server). */
  static TargetGroup multiPortGroup(String uid) {
    Map<String, String> labels = new HashMap<>();
    labels.put("__meta_kubernetes_pod_name", "testpod");
    labels.put("__meta_kubernetes_namespace", "default");
    labels.put("__meta_kubernetes_pod_label_test_label", "testvalue");
    labels.put("__meta_kubernetes_pod_labelpresent_test_label", "true");
    labels.put("__meta_kubernetes_pod_annotation_test_annotation", "testannotationvalue");
    labels.put("__meta_kubernetes_pod_annotationpresent_test_annotation", "true");
    labels.put("__meta_kubernetes_pod_node_name", "testnode");
    labels.put("__meta_kubernetes_pod_ip", "1.2.3.4");
    labels.put("__meta_kubernetes_pod_host_ip", "2.3.4.5");
    labels.put("__meta_kubernetes_pod_ready", "true");
    labels.put("__meta_kubernetes_pod_phase", "Running");
    labels.put("__meta_kubernetes_pod_uid", uid);
    labels.put("__meta_kubernetes_pod_controller_kind", "testcontrollerkind");
    labels.put("__meta_kubernetes_pod_controller_name", "testcontrollername");
    return new TargetGroup(
        "pod/default/testpod",
        List.of(
            Map.of(
                "__address__", "1.2.3.4:9000",
                "__meta_kubernetes_pod_container_name", "testcontainer0",
                "__meta_kubernetes_pod_container_image", "testcontainer0:latest",
                "__meta_kubernetes_pod_container_port_name", "testport0",
                "__meta_kubernetes_pod_container_port_number", "9000",
                "__meta_kubernetes_pod_container_port_protocol", "TCP",
                "__meta_kubernetes_pod_container_init", "false",
                "__meta_kubernetes_pod_container_id", "docker://a1b2c3d4e5f6"),
            Map.of(
                "__address__", "1.2.3.4:9001",
                "__meta_kubernetes_pod_container_name", "testcontainer0",
                "__meta_kubernetes_pod_container_image", "testcontainer0:latest",
                "__meta_kubernetes_pod_container_port_name", "testport1",
                "__meta_kubernetes_pod_container_port_number", "9001",
                "__meta_kubernetes_pod_container_port_protocol", "UDP",
                "__meta_kubernetes_pod_container_init", "false",
                "__meta_kubernetes_pod_container_id", "docker://a1b2c3d4e5f6"),
            Map.of(
                "__address__", "1.2.3.4",
                "__meta_kubernetes_pod_container_name", "testcontainer1",
                "__meta_kubernetes_pod_container_image", "testcontainer1:latest",
                "__meta_kubernetes_pod_container_init", "false",
                "__meta_kubernetes_pod_container_id", "containerd://6f5e4d3c2b1a")),
        labels);
  }

  /** Prometheus's expectedPodTargetGroups(ns) for a pod named testpod. */
  static TargetGroup singlePortGroup(String namespace, String uid) {
    return new TargetGroup(
        "pod/" + namespace + "/testpod", List.of(singlePortTarget()), podLabels(namespace, uid));
  }

  static Map<String, String> singlePortTarget() {
    return Map.of(
        "__address__", "1.2.3.4:9000",
        "__meta_kubernetes_pod_container_name", "testcontainer",
        "__meta_kubernetes_pod_container_image", "testcontainer:latest",
        "__meta_kubernetes_pod_container_port_name", "testport",
        "__meta_kubernetes_pod_container_port_number", "9000",
        "__meta_kubernetes_pod_container_port_protocol", "TCP",
        "__meta_kubernetes_pod_container_init", "false",
        "__meta_kubernetes_pod_container_id", "docker://a1b2c3d4e5f6");
  }

  static Map<String, String> podLabels(String namespace, String uid) {
    return Map.of(
        "__meta_kubernetes_pod_name", "testpod",
        "__meta_kubernetes_namespace", namespace,
        "__meta_kubernetes_pod_node_name", "testnode",
        "__meta_kubernetes_pod_ip", "1.2.3.4",
        "__meta_kubernetes_pod_host_ip", "2.3.4.5",
        "__meta_kubernetes_pod_ready", "true",
        "__meta_kubernetes_pod_phase", "Running",
        "__meta_kubernetes_pod_uid", uid);
  }
}
