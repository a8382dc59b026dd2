package io.scrapestream.allocator.kubernetes;

import io.scrapestream.allocator.discovery.TargetGroup;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The target group of a node (role {@code node}), as Prometheus's node.go: the kubelet endpoint at
 * the first address by priority InternalIP, InternalDNS, ExternalIP, ExternalDNS, LegacyHostIP,
 * Hostname, with {@code instance} set to the node name and the first address of each type as {@code
 * __meta_kubernetes_node_address_<type>}.
 */
final class NodeGroups {
  private static final List<String> PRIORITY =
      List.of("InternalIP", "InternalDNS", "ExternalIP", "ExternalDNS", "LegacyHostIP", "Hostname");

  private NodeGroups() {}

  static String source(String name) {
    return "node/" + name;
  }

  /** Empty when the node has no address (Prometheus then reports nothing for it). */
  static Optional<TargetGroup> build(NodeSnapshot node) {
    Map<String, String> firstByType = new LinkedHashMap<>();
    node.addresses().forEach(a -> firstByType.putIfAbsent(a.type(), a.address()));
    Optional<String> address =
        PRIORITY.stream().map(firstByType::get).filter(a -> a != null).findFirst();
    if (address.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> labels = new HashMap<>();
    labels.put(MetaLabels.PREFIX + "node_provider_id", node.providerId());
    MetaLabels.addObjectMeta(labels, node.meta(), "node");
    Map<String, String> target = new HashMap<>();
    target.put(MetaLabels.ADDRESS, MetaLabels.joinHostPort(address.get(), node.kubeletPort()));
    target.put("instance", node.meta().name());
    firstByType.forEach(
        (type, first) ->
            target.put(MetaLabels.sanitize(MetaLabels.PREFIX + "node_address_" + type), first));
    return Optional.of(new TargetGroup(source(node.key()), List.of(target), labels));
  }
}
