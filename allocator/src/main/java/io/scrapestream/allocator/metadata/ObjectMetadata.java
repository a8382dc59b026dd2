package io.scrapestream.allocator.metadata;

import java.util.Map;
import java.util.Objects;

/** What is published about a namespace or a node. */
public record ObjectMetadata(
    String uid, String name, Map<String, String> labels, Map<String, String> annotations) {
  public ObjectMetadata {
    Objects.requireNonNull(uid, "uid must not be null");
    Objects.requireNonNull(name, "name must not be null");
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
  }
}
