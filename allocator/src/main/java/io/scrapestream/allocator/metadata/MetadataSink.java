package io.scrapestream.allocator.metadata;

/** Receives the pods, namespaces and nodes to publish; calls come from informer threads. */
public interface MetadataSink {

  /** A pod was added or changed (a change nothing published cares about is skipped). */
  void podChanged(PodMetadata pod);

  /** A pod was deleted; {@code lastKnown} is its state before. */
  void podDeleted(PodMetadata lastKnown);

  void namespaceChanged(ObjectMetadata namespace);

  void namespaceDeleted(String name);

  void nodeChanged(ObjectMetadata node);

  void nodeDeleted(String name);
}
