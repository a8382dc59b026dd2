package io.scrapestream.allocator.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
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

/** Role endpointslice, with the expectations of Prometheus's tests. */
@EnableKubernetesMockClient(crud = true, https = false)
@Timeout(60)
class EndpointSliceDiscoveryIT {
  private static final Duration WAIT = Duration.ofSeconds(15);

  KubernetesClient client;
  private DiscoveryHarness harness;

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void shouldReportConditionsZoneAndTopologyWhenEndpointSliceHasThem() {
    client
        .resource(
            new EndpointSliceBuilder()
                .withNewMetadata()
                .withName("testendpoints")
                .withNamespace("default")
                .withLabels(Map.of("kubernetes.io/service-name", "testendpoints"))
                .withAnnotations(Map.of("test.annotation", "test"))
                .endMetadata()
                .withAddressType("IPv4")
                .addNewPort()
                .withName("testport")
                .withPort(9000)
                .withProtocol("TCP")
                .withAppProtocol("http")
                .endPort()
                .addNewEndpoint()
                .withAddresses("1.2.3.4")
                .withNewConditions()
                .withReady(true)
                .withServing(true)
                .withTerminating(false)
                .endConditions()
                .withHostname("testendpoint1")
                .withNewTargetRef()
                .endTargetRef()
                .withNodeName("foobar")
                .withDeprecatedTopology(Map.of("topology", "value"))
                .withZone("us-east-1a")
                .endEndpoint()
                .addNewEndpoint()
                .withAddresses("3.4.5.6")
                .withNewConditions()
                .withReady(false)
                .withServing(true)
                .withTerminating(true)
                .endConditions()
                .withZone("us-east-1c")
                .endEndpoint()
                .build())
        .create();

    RecordingGroups groups = start(KubernetesRole.ENDPOINTSLICE);

    await().atMost(WAIT).until(() -> groups.batchCount() == 1);
    Map<String, String> first =
        new HashMap<>(sliceTarget("1.2.3.4", "true", "true", "false", "us-east-1a"));
    first.put("__meta_kubernetes_endpointslice_endpoint_hostname", "testendpoint1");
    first.put("__meta_kubernetes_endpointslice_endpoint_node_name", "foobar");
    first.put("__meta_kubernetes_endpointslice_address_target_kind", "");
    first.put("__meta_kubernetes_endpointslice_address_target_name", "");
    first.put("__meta_kubernetes_endpointslice_endpoint_topology_topology", "value");
    first.put("__meta_kubernetes_endpointslice_endpoint_topology_present_topology", "true");
    assertThat(groups.all())
        .containsExactly(
            new TargetGroup(
                "endpointslice/default/testendpoints",
                List.of(first, sliceTarget("3.4.5.6", "false", "true", "true", "us-east-1c")),
                Map.of(
                    "__meta_kubernetes_namespace", "default",
                    "__meta_kubernetes_endpointslice_address_type", "IPv4",
                    "__meta_kubernetes_endpointslice_name", "testendpoints",
                    "__meta_kubernetes_endpointslice_label_kubernetes_io_service_name",
                        "testendpoints",
                    "__meta_kubernetes_endpointslice_labelpresent_kubernetes_io_service_name",
                        "true",
                    "__meta_kubernetes_endpointslice_annotation_test_annotation", "test",
                    "__meta_kubernetes_endpointslice_annotationpresent_test_annotation", "true")));
  }

  @Test
  void shouldRebuildSliceWhenItsServiceAppears() {
    client
        .resource(
            new EndpointSliceBuilder()
                .withNewMetadata()
                .withName("web-abc")
                .withNamespace("default")
                .withLabels(Map.of("kubernetes.io/service-name", "web"))
                .endMetadata()
                .withAddressType("IPv4")
                .build())
        .create();
    RecordingGroups groups = start(KubernetesRole.ENDPOINTSLICE);
    await().atMost(WAIT).until(() -> groups.batchCount() == 1);

    client
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName("web")
                .withNamespace("default")
                .endMetadata()
                .build())
        .create();

    await().atMost(WAIT).until(() -> groups.batchCount() == 2);
    assertThat(groups.all().get(1).labels())
        .containsEntry("__meta_kubernetes_service_name", "web")
        .containsEntry("__meta_kubernetes_endpointslice_name", "web-abc");
    assertThat(groups.all().get(0).labels()).doesNotContainKey("__meta_kubernetes_service_name");
  }

  private RecordingGroups start(KubernetesRole role) {
    harness = new DiscoveryHarness(client, KubernetesSdConfig.of(role));
    return harness.start(KubernetesSdConfig.of(role));
  }

  private static Map<String, String> sliceTarget(
      String ip, String ready, String serving, String terminating, String zone) {
    String p = "__meta_kubernetes_endpointslice_";
    return Map.of(
        "__address__",
        ip + ":9000",
        p + "port_name",
        "testport",
        p + "port_protocol",
        "TCP",
        p + "port",
        "9000",
        p + "port_app_protocol",
        "http",
        p + "endpoint_conditions_ready",
        ready,
        p + "endpoint_conditions_serving",
        serving,
        p + "endpoint_conditions_terminating",
        terminating,
        p + "endpoint_zone",
        zone);
  }
}
