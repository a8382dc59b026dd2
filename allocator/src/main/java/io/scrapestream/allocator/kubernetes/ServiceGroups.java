package io.scrapestream.allocator.kubernetes;

import io.scrapestream.allocator.discovery.TargetGroup;
import io.scrapestream.core.config.KubernetesAttachMetadata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The target group of a service (role {@code service}), as Prometheus's service.go: one target per
 * service port, addressed {@code <name>.<namespace>.svc:<port>}.
 */
final class ServiceGroups {
  private static final String PREFIX = MetaLabels.PREFIX + "service_";

  private ServiceGroups() {}

  static String source(String key) {
    return "svc/" + key;
  }

  static TargetGroup build(
      ServiceSnapshot service, Lookup lookup, KubernetesAttachMetadata attach) {
    Map<String, String> labels = serviceLabels(service);
    if (attach.namespace()) {
      MetaLabels.addNamespace(labels, lookup.namespace(service.meta().namespace()));
    }
    List<Map<String, String>> targets = new ArrayList<>();
    String host = service.meta().name() + "." + service.meta().namespace() + ".svc";
    for (ServiceSnapshot.Port port : service.ports()) {
      Map<String, String> target = new HashMap<>();
      target.put(MetaLabels.ADDRESS, MetaLabels.joinHostPort(host, port.number()));
      target.put(PREFIX + "port_name", port.name());
      target.put(PREFIX + "port_number", String.valueOf(port.number()));
      target.put(PREFIX + "port_protocol", port.protocol());
      target.put(PREFIX + "type", service.type());
      if (service.type().equals("ExternalName")) {
        target.put(PREFIX + "external_name", service.externalName());
      } else {
        target.put(PREFIX + "cluster_ip", service.clusterIp());
      }
      if (service.type().equals("LoadBalancer")) {
        target.put(PREFIX + "loadbalancer_ip", service.loadBalancerIp());
      }
      targets.add(target);
    }
    return new TargetGroup(source(service.key()), targets, labels);
  }

  /** Namespace, name, labels and annotations of a service; shared with the endpoints roles. */
  static Map<String, String> serviceLabels(ServiceSnapshot service) {
    Map<String, String> labels = new HashMap<>();
    labels.put(MetaLabels.NAMESPACE, service.meta().namespace());
    MetaLabels.addObjectMeta(labels, service.meta(), "service");
    return labels;
  }
}
