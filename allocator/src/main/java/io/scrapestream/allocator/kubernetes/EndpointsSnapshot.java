package io.scrapestream.allocator.kubernetes;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** What the allocator keeps of an Endpoints object (core/v1). */
record EndpointsSnapshot(Meta meta, List<Subset> subsets) implements Snapshot {

  EndpointsSnapshot {
    Objects.requireNonNull(meta, "meta must not be null");
    subsets = List.copyOf(subsets);
  }

  @Override
  public Map<String, List<String>> indexValues() {
    Set<String> pods = new LinkedHashSet<>();
    Set<String> nodes = new LinkedHashSet<>();
    for (Subset subset : subsets) {
      for (Address address : subset.all()) {
        address.nodeName().ifPresent(nodes::add);
        address.targetRef().filter(TargetRef::isPod).ifPresent(ref -> pods.add(ref.key()));
        address.targetRef().filter(TargetRef::isNode).ifPresent(ref -> nodes.add(ref.name()));
      }
    }
    Map<String, List<String>> values = new HashMap<>(Snapshot.super.indexValues());
    values.put(POD_INDEX, List.copyOf(pods));
    values.put(NODE_INDEX, List.copyOf(nodes));
    return values;
  }

  /** A subset: ready and not-ready addresses sharing the same ports. */
  record Subset(List<Address> addresses, List<Address> notReadyAddresses, List<Port> ports) {
    Subset {
      addresses = List.copyOf(addresses);
      notReadyAddresses = List.copyOf(notReadyAddresses);
      ports = List.copyOf(ports);
    }

    List<Address> all() {
      return java.util.stream.Stream.concat(addresses.stream(), notReadyAddresses.stream())
          .toList();
    }
  }

  /** An endpoint address. */
  record Address(
      String ip, String hostname, Optional<String> nodeName, Optional<TargetRef> targetRef) {
    Address {
      Objects.requireNonNull(ip, "ip must not be null");
      Objects.requireNonNull(hostname, "hostname must not be null");
      Objects.requireNonNull(nodeName, "nodeName must not be null");
      Objects.requireNonNull(targetRef, "targetRef must not be null");
    }
  }

  /** An endpoint port. */
  record Port(String name, int number, String protocol) {
    Port {
      Objects.requireNonNull(name, "name must not be null");
      Objects.requireNonNull(protocol, "protocol must not be null");
    }
  }
}
