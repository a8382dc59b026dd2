package io.scrapestream.allocator.kubernetes;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.Map;

/** The test objects of Prometheus's discovery/kubernetes tests, built with fabric8. */
final class K8sObjects {
  private K8sObjects() {}

  /** Prometheus's makeMultiPortPods: two containers, the first with two ports. */
  static Pod multiPortPod() {
    return new PodBuilder()
        .withNewMetadata()
        .withName("testpod")
        .withNamespace("default")
        .withLabels(Map.of("test/label", "testvalue"))
        .withAnnotations(Map.of("test/annotation", "testannotationvalue"))
        .addNewOwnerReference()
        .withKind("testcontrollerkind")
        .withName("testcontrollername")
        .withUid("owner-1")
        .withApiVersion("v1")
        .withController(true)
        .endOwnerReference()
        .endMetadata()
        .withNewSpec()
        .withNodeName("testnode")
        .addNewContainer()
        .withName("testcontainer0")
        .withImage("testcontainer0:latest")
        .addNewPort()
        .withName("testport0")
        .withProtocol("TCP")
        .withContainerPort(9000)
        .endPort()
        .addNewPort()
        .withName("testport1")
        .withProtocol("UDP")
        .withContainerPort(9001)
        .endPort()
        .endContainer()
        .addNewContainer()
        .withName("testcontainer1")
        .withImage("testcontainer1:latest")
        .endContainer()
        .endSpec()
        .withNewStatus()
        .withPodIP("1.2.3.4")
        .withHostIP("2.3.4.5")
        .withPhase("Running")
        .addNewCondition()
        .withType("Ready")
        .withStatus("True")
        .endCondition()
        .addNewContainerStatus()
        .withName("testcontainer0")
        .withContainerID("docker://a1b2c3d4e5f6")
        .endContainerStatus()
        .addNewContainerStatus()
        .withName("testcontainer1")
        .withContainerID("containerd://6f5e4d3c2b1a")
        .endContainerStatus()
        .endStatus()
        .build();
  }

  /** Prometheus's makePods: one container with one port. */
  static Pod pod(String namespace, String name) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .endMetadata()
        .withNewSpec()
        .withNodeName("testnode")
        .addNewContainer()
        .withName("testcontainer")
        .withImage("testcontainer:latest")
        .addNewPort()
        .withName("testport")
        .withProtocol("TCP")
        .withContainerPort(9000)
        .endPort()
        .endContainer()
        .endSpec()
        .withNewStatus()
        .withPodIP("1.2.3.4")
        .withHostIP("2.3.4.5")
        .withPhase("Running")
        .addNewCondition()
        .withType("Ready")
        .withStatus("True")
        .endCondition()
        .addNewContainerStatus()
        .withName("testcontainer")
        .withContainerID("docker://a1b2c3d4e5f6")
        .endContainerStatus()
        .endStatus()
        .build();
  }

  static Node node(String name, Map<String, String> labels, Map<String, String> annotations) {
    return new NodeBuilder()
        .withNewMetadata()
        .withName(name)
        .withLabels(labels)
        .withAnnotations(annotations)
        .endMetadata()
        .build();
  }

  static Namespace namespace(
      String name, Map<String, String> labels, Map<String, String> annotations) {
    return new NamespaceBuilder()
        .withNewMetadata()
        .withName(name)
        .withLabels(labels)
        .withAnnotations(annotations)
        .endMetadata()
        .build();
  }
}
