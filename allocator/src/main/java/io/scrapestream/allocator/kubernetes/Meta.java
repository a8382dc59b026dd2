package io.scrapestream.allocator.kubernetes;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the allocator keeps of an object's metadata: identity, labels, annotations and (for pods and
 * their controllers) owner references. Managed fields and everything else are dropped.
 *
 * @param namespace empty for cluster-scoped objects
 */
record Meta(
    String namespace,
    String name,
    String uid,
    Map<String, String> labels,
    Map<String, String> annotations,
    List<OwnerRef> owners) {

  Meta {
    Objects.requireNonNull(namespace, "namespace must not be null");
    Objects.requireNonNull(name, "name must not be null");
    Objects.requireNonNull(uid, "uid must not be null");
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
    owners = List.copyOf(owners);
  }

  /** {@code namespace/name}, or {@code name} for cluster-scoped objects, as informer keys are. */
  String key() {
    return key(namespace, name);
  }

  static String key(String namespace, String name) {
    return namespace.isEmpty() ? name : namespace + "/" + name;
  }

  /** The owner reference marked {@code controller: true}, if any. */
  java.util.Optional<OwnerRef> controller() {
    return owners.stream().filter(OwnerRef::controller).findFirst();
  }

  /** One owner reference. */
  record OwnerRef(String kind, String name, String uid, boolean controller) {
    OwnerRef {
      Objects.requireNonNull(kind, "kind must not be null");
      Objects.requireNonNull(name, "name must not be null");
      Objects.requireNonNull(uid, "uid must not be null");
    }
  }
}
