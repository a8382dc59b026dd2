package io.scrapestream.allocator.kubernetes;

import java.util.Objects;

/** A namespace, ReplicaSet or Job: only its metadata matters. */
record MetaSnapshot(Meta meta) implements Snapshot {
  MetaSnapshot {
    Objects.requireNonNull(meta, "meta must not be null");
  }
}
