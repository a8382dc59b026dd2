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
 * The target group of an Endpoints object (role {@code endpoints}), as Prometheus's endpoints.go:
 * one target per address and port (not-ready addresses after ready ones), joined with the labels of
 * the service of the same name and of the pod an address points at; then one target for every
 * container port of those pods that no endpoint port covered.
 */
final class EndpointsGroups {
  private static final String PREFIX = MetaLabels.PREFIX + "endpoint_";

  private EndpointsGroups() {}

  static String source(String key) {
    return "endpoints/" + key;
  }

  static TargetGroup build(
      EndpointsSnapshot endpoints, Lookup lookup, KubernetesAttachMetadata attach) {
    Map<String, String> labels = new HashMap<>();
    labels.put(MetaLabels.NAMESPACE, endpoints.meta().namespace());
    lookup.service(endpoints.key()).ifPresent(s -> labels.putAll(ServiceGroups.serviceLabels(s)));
    MetaLabels.addObjectMeta(labels, endpoints.meta(), "endpoints");
    if (attach.namespace()) {
      MetaLabels.addNamespace(labels, lookup.namespace(endpoints.meta().namespace()));
    }
    List<Map<String, String>> targets = new ArrayList<>();
    Map<String, SeenPod> seenPods = new LinkedHashMap<>();
    for (EndpointsSnapshot.Subset subset : endpoints.subsets()) {
      for (EndpointsSnapshot.Port port : subset.ports()) {
        for (EndpointsSnapshot.Address address : subset.addresses()) {
          targets.add(target(address, port, "true", lookup, attach, seenPods));
        }
        for (EndpointsSnapshot.Address address : subset.notReadyAddresses()) {
          targets.add(target(address, port, "false", lookup, attach, seenPods));
        }
      }
    }
    for (SeenPod seen : seenPods.values()) {
      targets.addAll(EndpointSliceGroups.uncoveredPortTargets(seen.pod(), seen.ports()));
    }
    return new TargetGroup(source(endpoints.key()), targets, labels);
  }

  private static Map<String, String> target(
      EndpointsSnapshot.Address address,
      EndpointsSnapshot.Port port,
      String ready,
      Lookup lookup,
      KubernetesAttachMetadata attach,
      Map<String, SeenPod> seenPods) {
    Map<String, String> target = addressLabels(address, port, ready);
    if (attach.node()) {
      Optional<String> node =
          address
              .nodeName()
              .or(() -> address.targetRef().filter(TargetRef::isNode).map(TargetRef::name));
      node.ifPresent(name -> MetaLabels.addNode(target, lookup.node(name)));
    }
    address
        .targetRef()
        .filter(TargetRef::isPod)
        .flatMap(ref -> lookup.pod(ref.key()))
        .ifPresent(pod -> joinPod(target, pod, port, seenPods));
    return target;
  }

  private static Map<String, String> addressLabels(
      EndpointsSnapshot.Address address, EndpointsSnapshot.Port port, String ready) {
    Map<String, String> target = new HashMap<>();
    target.put(MetaLabels.ADDRESS, MetaLabels.joinHostPort(address.ip(), port.number()));
    target.put(PREFIX + "port_name", port.name());
    target.put(PREFIX + "port_protocol", port.protocol());
    target.put(PREFIX + "ready", ready);
    address
        .targetRef()
        .ifPresent(
            ref -> {
              target.put(PREFIX + "address_target_kind", ref.kind());
              target.put(PREFIX + "address_target_name", ref.name());
            });
    address.nodeName().ifPresent(name -> target.put(PREFIX + "node_name", name));
    if (!address.hostname().isEmpty()) {
      target.put(PREFIX + "hostname", address.hostname());
    }
    return target;
  }

  /** Adds the pod's labels and those of the container port the endpoint port targets. */
  private static void joinPod(
      Map<String, String> target,
      PodSnapshot pod,
      EndpointsSnapshot.Port port,
      Map<String, SeenPod> seenPods) {
    target.putAll(PodGroups.podLabels(pod));
    matchingPort(pod, port.number())
        .ifPresent(
            match -> {
              target.putAll(PodGroups.portLabels(match.container(), match.port(), match.init()));
              target.put(PodGroups.LABEL_PREFIX + "container_port_protocol", port.protocol());
            });
    seenPods
        .computeIfAbsent(pod.key(), k -> new SeenPod(pod, new HashSet<>()))
        .ports()
        .add(port.number());
  }

  /**
   * The container port with this number; as in Prometheus, the last match over containers then init
   * containers wins.
   */
  static Optional<PortMatch> matchingPort(PodSnapshot pod, int number) {
    PortMatch match = null;
    for (int i = 0; i < pod.containers().size() + pod.initContainers().size(); i++) {
      boolean init = i >= pod.containers().size();
      PodSnapshot.Container c =
          init ? pod.initContainers().get(i - pod.containers().size()) : pod.containers().get(i);
      for (PodSnapshot.Port p : c.ports()) {
        if (p.number() == number) {
          match = new PortMatch(c, p, init);
          break;
        }
      }
    }
    return Optional.ofNullable(match);
  }

  /** A container port matched by an endpoint port. */
  record PortMatch(PodSnapshot.Container container, PodSnapshot.Port port, boolean init) {}

  /** A pod an address pointed at, and the endpoint port numbers already targeted for it. */
  record SeenPod(PodSnapshot pod, Set<Integer> ports) {}
}
