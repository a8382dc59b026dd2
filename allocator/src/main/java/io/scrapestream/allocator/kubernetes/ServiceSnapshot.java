package io.scrapestream.allocator.kubernetes;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What the allocator keeps of a service. */
record ServiceSnapshot(
    Meta meta,
    String type,
    String clusterIp,
    String externalName,
    String loadBalancerIp,
    List<Port> ports)
    implements Snapshot {

  ServiceSnapshot {
    Objects.requireNonNull(meta, "meta must not be null");
    Objects.requireNonNull(type, "type must not be null");
    Objects.requireNonNull(clusterIp, "clusterIp must not be null");
    Objects.requireNonNull(externalName, "externalName must not be null");
    Objects.requireNonNull(loadBalancerIp, "loadBalancerIp must not be null");
    ports = List.copyOf(ports);
  }

  @Override
  public Map<String, String> selectableFields() {
    Map<String, String> fields = Snapshot.super.selectableFields();
    fields.put("spec.clusterIP", clusterIp);
    fields.put("spec.type", type);
    return fields;
  }

  /** A service port. */
  record Port(String name, int number, String protocol) {
    Port {
      Objects.requireNonNull(name, "name must not be null");
      Objects.requireNonNull(protocol, "protocol must not be null");
    }
  }
}
