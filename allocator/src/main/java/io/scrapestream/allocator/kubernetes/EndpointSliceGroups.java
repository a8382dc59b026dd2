package io.scrapestream.allocator.kubernetes;

import io.scrapestream.allocator.discovery.TargetGroup;
import io.scrapestream.core.config.KubernetesAttachMetadata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The target group of an EndpointSlice (role {@code endpointslice}), as Prometheus's
 * endpointslice.go: one target per endpoint, port and address, joined with the labels of the
 * service named by the {@code kubernetes.io/service-name} label and of the pod an endpoint points
 * at; then one target for every container port of those pods that no slice port covered.
 */
final class EndpointSliceGroups {
  private static final String PREFIX = MetaLabels.PREFIX + "endpointslice_";

  private EndpointSliceGroups() {}

  static String source(String key) {
    return "endpointslice/" + key;
  }

  static TargetGroup build(
      EndpointSliceSnapshot slice, Lookup lookup, KubernetesAttachMetadata attach) {
    Map<String, String> labels = new HashMap<>();
    labels.put(MetaLabels.NAMESPACE, slice.meta().namespace());
    labels.put(PREFIX + "address_type", slice.addressType());
    MetaLabels.addObjectMeta(labels, slice.meta(), "endpointslice");
    slice
        .serviceKey()
        .flatMap(lookup::service)
        .ifPresent(s -> labels.putAll(ServiceGroups.serviceLabels(s)));
    if (attach.namespace()) {
      MetaLabels.addNamespace(labels, lookup.namespace(slice.meta().namespace()));
    }
    List<Map<String, String>> targets = new ArrayList<>();
    Map<String, EndpointsGroups.SeenPod> seenPods = new LinkedHashMap<>();
    for (EndpointSliceSnapshot.Endpoint endpoint : slice.endpoints()) {
      for (EndpointSliceSnapshot.Port port : slice.ports()) {
        for (String address : endpoint.addresses()) {
          targets.add(target(address, endpoint, port, lookup, attach, seenPods));
        }
      }
    }
    for (EndpointsGroups.SeenPod seen : seenPods.values()) {
      targets.addAll(uncoveredPortTargets(seen.pod(), seen.ports()));
    }
    return new TargetGroup(source(slice.key()), targets, labels);
  }

  private static Map<String, String> target(
      String address,
      EndpointSliceSnapshot.Endpoint endpoint,
      EndpointSliceSnapshot.Port port,
      Lookup lookup,
      KubernetesAttachMetadata attach,
      Map<String, EndpointsGroups.SeenPod> seenPods) {
    Map<String, String> target = new HashMap<>();
    target.put(
        MetaLabels.ADDRESS,
        port.number().map(n -> MetaLabels.joinHostPort(address, n)).orElse(address));
    port.name().ifPresent(v -> target.put(PREFIX + "port_name", v));
    port.protocol().ifPresent(v -> target.put(PREFIX + "port_protocol", v));
    port.number().ifPresent(v -> target.put(PREFIX + "port", String.valueOf(v)));
    port.appProtocol().ifPresent(v -> target.put(PREFIX + "port_app_protocol", v));
    addEndpointLabels(target, endpoint);
    if (attach.node()) {
      Optional<String> node =
          endpoint
              .targetRef()
              .filter(TargetRef::isNode)
              .map(TargetRef::name)
              .or(endpoint::nodeName);
      node.ifPresent(name -> MetaLabels.addNode(target, lookup.node(name)));
    }
    endpoint
        .targetRef()
        .filter(TargetRef::isPod)
        .flatMap(ref -> lookup.pod(ref.key()))
        .ifPresent(pod -> joinPod(target, pod, port, seenPods));
    return target;
  }

  private static void joinPod(
      Map<String, String> target,
      PodSnapshot pod,
      EndpointSliceSnapshot.Port port,
      Map<String, EndpointsGroups.SeenPod> seenPods) {
    target.putAll(PodGroups.podLabels(pod));
    port.number()
        .flatMap(n -> EndpointsGroups.matchingPort(pod, n))
        .ifPresent(m -> target.putAll(PodGroups.portLabels(m.container(), m.port(), m.init())));
    EndpointsGroups.SeenPod seen =
        seenPods.computeIfAbsent(pod.key(), k -> new EndpointsGroups.SeenPod(pod, new HashSet<>()));
    port.number().ifPresent(seen.ports()::add);
  }

  private static void addEndpointLabels(
      Map<String, String> target, EndpointSliceSnapshot.Endpoint endpoint) {
    String conditions = PREFIX + "endpoint_conditions_";
    endpoint.ready().ifPresent(v -> target.put(conditions + "ready", String.valueOf(v)));
    endpoint.serving().ifPresent(v -> target.put(conditions + "serving", String.valueOf(v)));
    endpoint
        .terminating()
        .ifPresent(v -> target.put(conditions + "terminating", String.valueOf(v)));
    endpoint.hostname().ifPresent(v -> target.put(PREFIX + "endpoint_hostname", v));
    endpoint
        .targetRef()
        .ifPresent(
            ref -> {
              target.put(PREFIX + "address_target_kind", ref.kind());
              target.put(PREFIX + "address_target_name", ref.name());
            });
    endpoint.nodeName().ifPresent(v -> target.put(PREFIX + "endpoint_node_name", v));
    endpoint.zone().ifPresent(v -> target.put(PREFIX + "endpoint_zone", v));
    endpoint
        .deprecatedTopology()
        .forEach(
            (key, value) -> {
              String name = MetaLabels.sanitize(key);
              target.put(PREFIX + "endpoint_topology_" + name, value);
              target.put(PREFIX + "endpoint_topology_present_" + name, MetaLabels.PRESENT);
            });
  }

  /**
   * One target per container port of a pod (containers, then init containers) whose number is not
   * in {@code covered}; none while the pod has no IP. Shared with the endpoints role.
   */
  static List<Map<String, String>> uncoveredPortTargets(PodSnapshot pod, Set<Integer> covered) {
    List<Map<String, String>> targets = new ArrayList<>();
    if (pod.podIp().isEmpty()) {
      return targets;
    }
    List<PodSnapshot.Container> all = new ArrayList<>(pod.containers());
    all.addAll(pod.initContainers());
    for (int i = 0; i < all.size(); i++) {
      PodSnapshot.Container container = all.get(i);
      for (PodSnapshot.Port port : container.ports()) {
        if (covered.contains(port.number())) {
          continue;
        }
        Map<String, String> target =
            PodGroups.portLabels(container, port, i >= pod.containers().size());
        target.put(MetaLabels.ADDRESS, MetaLabels.joinHostPort(pod.podIp(), port.number()));
        target.putAll(PodGroups.podLabels(pod));
        targets.add(target);
      }
    }
    return targets;
  }
}
