package io.scrapestream.allocator.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns a fabric8 {@link Pod} into a {@link PodSnapshot}. */
final class PodSnapshots {
  private PodSnapshots() {}

  static PodSnapshot of(Pod pod) {
    PodSpec spec = pod.getSpec() != null ? pod.getSpec() : new PodSpec();
    PodStatus status = pod.getStatus() != null ? pod.getStatus() : new PodStatus();
    List<String> podIps =
        Snapshots.list(status.getPodIPs()).stream()
            .map(PodIP::getIp)
            .filter(ip -> ip != null && !ip.isEmpty())
            .toList();
    return new PodSnapshot(
        Snapshots.meta(pod.getMetadata(), true),
        Snapshots.text(spec.getNodeName()),
        Snapshots.text(status.getPodIP()),
        podIps,
        Snapshots.text(status.getHostIP()),
        Snapshots.text(status.getPhase()),
        ready(status),
        containers(spec.getContainers(), status.getContainerStatuses()),
        containers(spec.getInitContainers(), status.getInitContainerStatuses()),
        specFields(spec, status));
  }

  private static String ready(PodStatus status) {
    for (PodCondition condition : Snapshots.list(status.getConditions())) {
      if ("Ready".equals(condition.getType())) {
        return Snapshots.text(condition.getStatus()).toLowerCase(Locale.ROOT);
      }
    }
    return "unknown";
  }

  private static List<PodSnapshot.Container> containers(
      List<Container> containers, List<ContainerStatus> statuses) {
    Map<String, String> ids = new HashMap<>();
    for (ContainerStatus status : Snapshots.list(statuses)) {
      if (status.getName() != null) {
        ids.put(status.getName(), Snapshots.text(status.getContainerID()));
      }
    }
    return Snapshots.list(containers).stream()
        .map(
            c ->
                new PodSnapshot.Container(
                    Snapshots.text(c.getName()),
                    Snapshots.text(c.getImage()),
                    ids.getOrDefault(Snapshots.text(c.getName()), ""),
                    Snapshots.mapList(c.getPorts(), PodSnapshots::port)))
        .toList();
  }

  private static PodSnapshot.Port port(ContainerPort port) {
    return new PodSnapshot.Port(
        Snapshots.text(port.getName()),
        port.getContainerPort() == null ? 0 : port.getContainerPort(),
        Snapshots.text(port.getProtocol()));
  }

  private static Map<String, String> specFields(PodSpec spec, PodStatus status) {
    Map<String, String> fields = new HashMap<>();
    put(fields, "spec.nodeName", spec.getNodeName());
    put(fields, "spec.restartPolicy", spec.getRestartPolicy());
    put(fields, "spec.schedulerName", spec.getSchedulerName());
    put(fields, "spec.serviceAccountName", spec.getServiceAccountName());
    fields.put("spec.hostNetwork", String.valueOf(Boolean.TRUE.equals(spec.getHostNetwork())));
    put(fields, "status.phase", status.getPhase());
    put(fields, "status.podIP", status.getPodIP());
    put(fields, "status.nominatedNodeName", status.getNominatedNodeName());
    return fields;
  }

  private static void put(Map<String, String> fields, String name, String value) {
    if (value != null && !value.isEmpty()) {
      fields.put(name, value);
    }
  }
}
