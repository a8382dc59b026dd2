package io.scrapestream.allocator.kubernetes;

import java.util.Objects;

/** The object an endpoint address points at (usually a Pod, sometimes a Node). */
record TargetRef(String kind, String namespace, String name) {
  TargetRef {
    Objects.requireNonNull(kind, "kind must not be null");
    Objects.requireNonNull(namespace, "namespace must not be null");
    Objects.requireNonNull(name, "name must not be null");
  }

  boolean isPod() {
    return kind.equals("Pod");
  }

  boolean isNode() {
    return kind.equals("Node");
  }

  /** The cache key of the referenced object. */
  String key() {
    return Meta.key(namespace, name);
  }
}
