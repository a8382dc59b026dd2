package io.scrapestream.allocator.kubernetes;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What the allocator keeps of a node: no conditions, no images, no heartbeat times. */
record NodeSnapshot(
    Meta meta, String providerId, List<Address> addresses, int kubeletPort, boolean unschedulable)
    implements Snapshot {

  NodeSnapshot {
    Objects.requireNonNull(meta, "meta must not be null");
    Objects.requireNonNull(providerId, "providerId must not be null");
    addresses = List.copyOf(addresses);
  }

  @Override
  public Map<String, String> selectableFields() {
    Map<String, String> fields = Snapshot.super.selectableFields();
    fields.put("spec.unschedulable", String.valueOf(unschedulable));
    return fields;
  }

  /** A node address, in the order the node reports them. */
  record Address(String type, String address) {
    Address {
      Objects.requireNonNull(type, "type must not be null");
      Objects.requireNonNull(address, "address must not be null");
    }
  }
}
