package io.scrapestream.allocator.kubernetes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable, reduced copy of a Kubernetes object: only what discovery, membership and the
 * metadata publisher read. Two snapshots that are equal mean no change anyone cares about, so an
 * update that only touches other fields (status heartbeats, managed fields) notifies nobody.
 */
interface Snapshot {
  String NAMESPACE_INDEX = "namespace";
  String NODE_INDEX = "node";
  String POD_INDEX = "pod";
  String SERVICE_INDEX = "service";
  String OWNER_INDEX = "owner";

  Meta meta();

  /** The cache key: {@code namespace/name} or {@code name}. */
  default String key() {
    return meta().key();
  }

  /** Index name to the index values of this object; by default its namespace. */
  default Map<String, List<String>> indexValues() {
    return meta().namespace().isEmpty()
        ? Map.of()
        : Map.of(NAMESPACE_INDEX, List.of(meta().namespace()));
  }

  /** The values of the fields a field selector may name (absent fields read as empty). */
  default Map<String, String> selectableFields() {
    Map<String, String> fields = new HashMap<>();
    fields.put("metadata.name", meta().name());
    fields.put("metadata.namespace", meta().namespace());
    return fields;
  }
}
