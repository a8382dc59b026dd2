package io.scrapestream.allocator.kubernetes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the allocator keeps of a pod.
 *
 * @param ready the {@code Ready} condition lower-cased ({@code true}, {@code false}) or {@code
 *     unknown} when the pod has none
 * @param specFields the selectable {@code spec.*} and {@code status.*} fields that are set
 */
record PodSnapshot(
    Meta meta,
    String nodeName,
    String podIp,
    List<String> podIps,
    String hostIp,
    String phase,
    String ready,
    List<Container> containers,
    List<Container> initContainers,
    Map<String, String> specFields)
    implements Snapshot {

  PodSnapshot {
    Objects.requireNonNull(meta, "meta must not be null");
    Objects.requireNonNull(nodeName, "nodeName must not be null");
    Objects.requireNonNull(podIp, "podIp must not be null");
    Objects.requireNonNull(hostIp, "hostIp must not be null");
    Objects.requireNonNull(phase, "phase must not be null");
    Objects.requireNonNull(ready, "ready must not be null");
    podIps = List.copyOf(podIps);
    containers = List.copyOf(containers);
    initContainers = List.copyOf(initContainers);
    specFields = Map.copyOf(specFields);
  }

  boolean isReady() {
    return ready.equals("true");
  }

  @Override
  public Map<String, List<String>> indexValues() {
    Map<String, List<String>> values = new HashMap<>(Snapshot.super.indexValues());
    if (!nodeName.isEmpty()) {
      values.put(NODE_INDEX, List.of(nodeName));
    }
    meta().controller().ifPresent(owner -> values.put(OWNER_INDEX, List.of(owner.uid())));
    return values;
  }

  @Override
  public Map<String, String> selectableFields() {
    Map<String, String> fields = Snapshot.super.selectableFields();
    fields.putAll(specFields);
    return fields;
  }

  /** A container (or init container) with its ports and the ID of its running instance. */
  record Container(String name, String image, String containerId, List<Port> ports) {
    Container {
      Objects.requireNonNull(name, "name must not be null");
      Objects.requireNonNull(image, "image must not be null");
      Objects.requireNonNull(containerId, "containerId must not be null");
      ports = List.copyOf(ports);
    }
  }

  /** A container port. */
  record Port(String name, int number, String protocol) {
    Port {
      Objects.requireNonNull(name, "name must not be null");
      Objects.requireNonNull(protocol, "protocol must not be null");
    }
  }
}
