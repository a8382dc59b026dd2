package io.scrapestream.allocator.kubernetes;

import io.scrapestream.allocator.discovery.TargetGroup;
import io.scrapestream.core.config.KubernetesAttachMetadata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The target group of a pod (role {@code pod}), as Prometheus's discovery/kubernetes/pod.go: one
 * target per container port, one target without port per container that declares none, init
 * containers after the others; no targets while the pod has no IP.
 */
final class PodGroups {
  static final String LABEL_PREFIX = MetaLabels.PREFIX + "pod_";

  private PodGroups() {}

  static String source(String key) {
    return "pod/" + key;
  }

  static TargetGroup build(PodSnapshot pod, Lookup lookup, KubernetesAttachMetadata attach) {
    if (pod.podIp().isEmpty()) {
      return TargetGroup.empty(source(pod.key()));
    }
    Map<String, String> labels = podLabels(pod);
    labels.put(MetaLabels.NAMESPACE, pod.meta().namespace());
    if (attach.node()) {
      MetaLabels.addNode(labels, lookup.node(pod.nodeName()));
    }
    if (attach.namespace()) {
      MetaLabels.addNamespace(labels, lookup.namespace(pod.meta().namespace()));
    }
    List<Map<String, String>> targets = new ArrayList<>();
    addTargets(targets, pod, pod.containers(), false);
    addTargets(targets, pod, pod.initContainers(), true);
    return new TargetGroup(source(pod.key()), targets, labels);
  }

  /** The pod-level labels, shared with the endpoints roles. */
  static Map<String, String> podLabels(PodSnapshot pod) {
    Map<String, String> labels = new HashMap<>();
    labels.put(LABEL_PREFIX + "ip", pod.podIp());
    labels.put(LABEL_PREFIX + "ready", pod.ready());
    labels.put(LABEL_PREFIX + "phase", pod.phase());
    labels.put(LABEL_PREFIX + "node_name", pod.nodeName());
    labels.put(LABEL_PREFIX + "host_ip", pod.hostIp());
    labels.put(LABEL_PREFIX + "uid", pod.meta().uid());
    for (String ip : pod.podIps()) {
      int version = MetaLabels.ipVersion(ip);
      if (version != 0) {
        labels.putIfAbsent(LABEL_PREFIX + "ipv" + version, ip);
      }
    }
    MetaLabels.addObjectMeta(labels, pod.meta(), "pod");
    pod.meta()
        .controller()
        .ifPresent(
            owner -> {
              if (!owner.kind().isEmpty()) {
                labels.put(LABEL_PREFIX + "controller_kind", owner.kind());
              }
              if (!owner.name().isEmpty()) {
                labels.put(LABEL_PREFIX + "controller_name", owner.name());
              }
            });
    return labels;
  }

  /** The labels of a container port, shared with the endpoints roles. */
  static Map<String, String> portLabels(
      PodSnapshot.Container container, PodSnapshot.Port port, boolean init) {
    Map<String, String> labels = new HashMap<>();
    labels.put(LABEL_PREFIX + "container_name", container.name());
    labels.put(LABEL_PREFIX + "container_image", container.image());
    labels.put(LABEL_PREFIX + "container_port_name", port.name());
    labels.put(LABEL_PREFIX + "container_port_number", String.valueOf(port.number()));
    labels.put(LABEL_PREFIX + "container_port_protocol", port.protocol());
    labels.put(LABEL_PREFIX + "container_init", String.valueOf(init));
    return labels;
  }

  private static void addTargets(
      List<Map<String, String>> targets,
      PodSnapshot pod,
      List<PodSnapshot.Container> containers,
      boolean init) {
    for (PodSnapshot.Container container : containers) {
      if (container.ports().isEmpty()) {
        Map<String, String> target = new HashMap<>();
        String ip = pod.podIp();
        target.put(MetaLabels.ADDRESS, MetaLabels.ipVersion(ip) == 6 ? "[" + ip + "]" : ip);
        target.put(LABEL_PREFIX + "container_name", container.name());
        target.put(LABEL_PREFIX + "container_id", container.containerId());
        target.put(LABEL_PREFIX + "container_image", container.image());
        target.put(LABEL_PREFIX + "container_init", String.valueOf(init));
        targets.add(target);
        continue;
      }
      for (PodSnapshot.Port port : container.ports()) {
        Map<String, String> target = portLabels(container, port, init);
        target.put(MetaLabels.ADDRESS, MetaLabels.joinHostPort(pod.podIp(), port.number()));
        target.put(LABEL_PREFIX + "container_id", container.containerId());
        targets.add(target);
      }
    }
  }
}
