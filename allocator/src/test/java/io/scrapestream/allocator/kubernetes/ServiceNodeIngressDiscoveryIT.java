package io.scrapestream.allocator.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.scrapestream.allocator.discovery.TargetGroup;
import io.scrapestream.core.config.KubernetesRole;
import io.scrapestream.core.config.KubernetesSdConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Roles service, node and ingress, with the expectations of Prometheus's tests. */
@EnableKubernetesMockClient(crud = true, https = false)
@Timeout(60)
class ServiceNodeIngressDiscoveryIT {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final Map<String, String> META_LABELS = Map.of("test/label", "testvalue");
  private static final Map<String, String> META_ANNOTATIONS =
      Map.of("test/annotation", "testannotationvalue");

  KubernetesClient client;
  private DiscoveryHarness harness;

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void shouldReportOneTargetPerPortWhenServiceHasSeveralPorts() {
    client.resource(service("ClusterIP").build()).create();

    RecordingGroups groups = start(KubernetesRole.SERVICE);

    await().atMost(WAIT).until(() -> groups.batchCount() == 1);
    assertThat(groups.all())
        .containsExactly(
            new TargetGroup(
                "svc/default/testservice",
                List.of(
                    serviceTarget(30900, "testport0", "TCP", "ClusterIP", "cluster_ip", "10.0.0.1"),
                    serviceTarget(
                        30901, "testport1", "UDP", "ClusterIP", "cluster_ip", "10.0.0.1")),
                serviceLabels()));
  }

  @Test
  void shouldUseExternalNameAndLoadBalancerIpWhenServiceTypeHasThem() {
    client
        .resource(
            service("ExternalName")
                .editSpec()
                .withExternalName("FooExternalName")
                .endSpec()
                .build())
        .create();
    RecordingGroups groups = start(KubernetesRole.SERVICE);
    await().atMost(WAIT).until(() -> groups.batchCount() == 1);

    client
        .resource(
            service("LoadBalancer").editSpec().withLoadBalancerIP("127.0.0.1").endSpec().build())
        .update();

    await().atMost(WAIT).until(() -> groups.batchCount() == 2);
    Map<String, String> lb =
        new java.util.HashMap<>(
            serviceTarget(30900, "testport0", "TCP", "LoadBalancer", "cluster_ip", "10.0.0.1"));
    lb.put("__meta_kubernetes_service_loadbalancer_ip", "127.0.0.1");
    assertThat(groups.all().get(0).targets().get(0))
        .isEqualTo(
            serviceTarget(
                30900, "testport0", "TCP", "ExternalName", "external_name", "FooExternalName"));
    assertThat(groups.all().get(1).targets().get(0)).isEqualTo(lb);
  }

  @Test
  void shouldReportKubeletAddressWhenNodeIsAdded() {
    RecordingGroups groups = start(KubernetesRole.NODE);

    client
        .resource(
            new NodeBuilder()
                .withNewMetadata()
                .withName("test")
                .withLabels(Map.of("test-label", "testvalue"))
                .withAnnotations(Map.of("test-annotation", "testannotationvalue"))
                .endMetadata()
                .withNewSpec()
                .withProviderID("aws:///de-west-3a/i-1234")
                .endSpec()
                .withNewStatus()
                .addNewAddress()
                .withType("Hostname")
                .withAddress("test-host")
                .endAddress()
                .addNewAddress()
                .withType("InternalIP")
                .withAddress("1.2.3.4")
                .endAddress()
                .addNewAddress()
                .withType("InternalIP")
                .withAddress("1.2.3.5")
                .endAddress()
                .withNewDaemonEndpoints()
                .withNewKubeletEndpoint()
                .withPort(10250)
                .endKubeletEndpoint()
                .endDaemonEndpoints()
                .endStatus()
                .build())
        .create();

    await().atMost(WAIT).until(() -> groups.batchCount() == 1);
    assertThat(groups.all())
        .containsExactly(
            new TargetGroup(
                "node/test",
                List.of(
                    Map.of(
                        "__address__", "1.2.3.4:10250",
                        "instance", "test",
                        "__meta_kubernetes_node_address_InternalIP", "1.2.3.4",
                        "__meta_kubernetes_node_address_Hostname", "test-host")),
                Map.of(
                    "__meta_kubernetes_node_name", "test",
                    "__meta_kubernetes_node_provider_id", "aws:///de-west-3a/i-1234",
                    "__meta_kubernetes_node_label_test_label", "testvalue",
                    "__meta_kubernetes_node_labelpresent_test_label", "true",
                    "__meta_kubernetes_node_annotation_test_annotation", "testannotationvalue",
                    "__meta_kubernetes_node_annotationpresent_test_annotation", "true")));
  }

  @Test
  void shouldUseHttpsForHostsCoveredByTlsWhenIngressHasWildcardTls() {
    client
        .resource(
            new IngressBuilder()
                .withNewMetadata()
                .withName("testingress")
                .withNamespace("default")
                .withLabels(META_LABELS)
                .withAnnotations(META_ANNOTATIONS)
                .endMetadata()
                .withNewSpec()
                .withIngressClassName("testclass")
                .addNewTl()
                .withHosts("*.example.com")
                .endTl()
                .addNewRule()
                .withHost("example.com")
                .withNewHttp()
                .addNewPath()
                .withPath("/")
                .endPath()
                .addNewPath()
                .withPath("/foo")
                .endPath()
                .endHttp()
                .endRule()
                .addNewRule()
                .withHost("test.example.com")
                .withNewHttp()
                .addNewPath()
                .endPath()
                .endHttp()
                .endRule()
                .addNewRule()
                .withHost("nohttp.example.com")
                .endRule()
                .endSpec()
                .build())
        .create();

    RecordingGroups groups = start(KubernetesRole.INGRESS);

    await().atMost(WAIT).until(() -> groups.batchCount() == 1);
    assertThat(groups.all())
        .containsExactly(
            new TargetGroup(
                "ingress/default/testingress",
                List.of(
                    ingressTarget("http", "example.com", "/"),
                    ingressTarget("http", "example.com", "/foo"),
                    ingressTarget("https", "test.example.com", "/"),
                    ingressTarget("https", "nohttp.example.com", "/")),
                Map.of(
                    "__meta_kubernetes_namespace", "default",
                    "__meta_kubernetes_ingress_name", "testingress",
                    "__meta_kubernetes_ingress_class_name", "testclass",
                    "__meta_kubernetes_ingress_label_test_label", "testvalue",
                    "__meta_kubernetes_ingress_labelpresent_test_label", "true",
                    "__meta_kubernetes_ingress_annotation_test_annotation", "testannotationvalue",
                    "__meta_kubernetes_ingress_annotationpresent_test_annotation", "true")));
  }

  private RecordingGroups start(KubernetesRole role) {
    harness = new DiscoveryHarness(client, KubernetesSdConfig.of(role));
    return harness.start(KubernetesSdConfig.of(role));
  }

  private static ServiceBuilder service(String type) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName("testservice")
        .withNamespace("default")
        .withLabels(Map.of("test-label", "testvalue"))
        .withAnnotations(Map.of("test-annotation", "testannotationvalue"))
        .endMetadata()
        .withNewSpec()
        .withType(type)
        .withClusterIP("10.0.0.1")
        .addNewPort()
        .withName("testport0")
        .withProtocol("TCP")
        .withPort(30900)
        .endPort()
        .addNewPort()
        .withName("testport1")
        .withProtocol("UDP")
        .withPort(30901)
        .endPort()
        .endSpec();
  }

  private static Map<String, String> serviceTarget(
      int port, String name, String protocol, String type, String ipLabel, String ip) {
    return Map.of(
        "__address__",
        "testservice.default.svc:" + port,
        "__meta_kubernetes_service_port_name",
        name,
        "__meta_kubernetes_service_port_number",
        String.valueOf(port),
        "__meta_kubernetes_service_port_protocol",
        protocol,
        "__meta_kubernetes_service_type",
        type,
        "__meta_kubernetes_service_" + ipLabel,
        ip);
  }

  static Map<String, String> serviceLabels() {
    return Map.of(
        "__meta_kubernetes_namespace", "default",
        "__meta_kubernetes_service_name", "testservice",
        "__meta_kubernetes_service_label_test_label", "testvalue",
        "__meta_kubernetes_service_labelpresent_test_label", "true",
        "__meta_kubernetes_service_annotation_test_annotation", "testannotationvalue",
        "__meta_kubernetes_service_annotationpresent_test_annotation", "true");
  }

  private static Map<String, String> ingressTarget(String scheme, String host, String path) {
    return Map.of(
        "__address__", host,
        "__meta_kubernetes_ingress_scheme", scheme,
        "__meta_kubernetes_ingress_host", host,
        "__meta_kubernetes_ingress_path", path);
  }
}
