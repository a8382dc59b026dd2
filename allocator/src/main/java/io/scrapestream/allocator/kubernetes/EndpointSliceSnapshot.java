package io.scrapestream.allocator.kubernetes;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the allocator keeps of an EndpointSlice (discovery.k8s.io/v1). Optional fields stay
 * optional: Prometheus sets a label only when the field is present.
 */
record EndpointSliceSnapshot(
    Meta meta, String addressType, List<Endpoint> endpoints, List<Port> ports) implements Snapshot {
  /** The label naming the service a slice belongs to. */
  static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";

  EndpointSliceSnapshot {
    Objects.requireNonNull(meta, "meta must not be null");
    Objects.requireNonNull(addressType, "addressType must not be null");
    endpoints = List.copyOf(endpoints);
    ports = List.copyOf(ports);
  }

  /** The key of the service this slice belongs to, if labelled. */
  Optional<String> serviceKey() {
    return Optional.ofNullable(meta().labels().get(SERVICE_NAME_LABEL))
        .map(name -> Meta.key(meta().namespace(), name));
  }

  @Override
  public Map<String, List<String>> indexValues() {
    Set<String> pods = new LinkedHashSet<>();
    Set<String> nodes = new LinkedHashSet<>();
    for (Endpoint endpoint : endpoints) {
      endpoint.nodeName().ifPresent(nodes::add);
      endpoint.targetRef().filter(TargetRef::isPod).ifPresent(ref -> pods.add(ref.key()));
      endpoint.targetRef().filter(TargetRef::isNode).ifPresent(ref -> nodes.add(ref.name()));
    }
    Map<String, List<String>> values = new HashMap<>(Snapshot.super.indexValues());
    values.put(POD_INDEX, List.copyOf(pods));
    values.put(NODE_INDEX, List.copyOf(nodes));
    serviceKey().ifPresent(key -> values.put(SERVICE_INDEX, List.of(key)));
    return values;
  }

  /** One endpoint of the slice. */
  record Endpoint(
      List<String> addresses,
      Optional<Boolean> ready,
      Optional<Boolean> serving,
      Optional<Boolean> terminating,
      Optional<String> hostname,
      Optional<String> nodeName,
      Optional<String> zone,
      Optional<TargetRef> targetRef,
      Map<String, String> deprecatedTopology) {
    Endpoint {
      addresses = List.copyOf(addresses);
      Objects.requireNonNull(ready, "ready must not be null");
      Objects.requireNonNull(serving, "serving must not be null");
      Objects.requireNonNull(terminating, "terminating must not be null");
      Objects.requireNonNull(hostname, "hostname must not be null");
      Objects.requireNonNull(nodeName, "nodeName must not be null");
      Objects.requireNonNull(zone, "zone must not be null");
      Objects.requireNonNull(targetRef, "targetRef must not be null");
      deprecatedTopology = Map.copyOf(deprecatedTopology);
    }
  }

  /** A port of the slice; every field is optional in the API. */
  record Port(
      Optional<String> name,
      Optional<Integer> number,
      Optional<String> protocol,
      Optional<String> appProtocol) {
    Port {
      Objects.requireNonNull(name, "name must not be null");
      Objects.requireNonNull(number, "number must not be null");
      Objects.requireNonNull(protocol, "protocol must not be null");
      Objects.requireNonNull(appProtocol, "appProtocol must not be null");
    }
  }
}
