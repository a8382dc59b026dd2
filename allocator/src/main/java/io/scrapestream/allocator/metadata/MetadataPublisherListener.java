package io.scrapestream.allocator.metadata;

/**
 * What the metadata publisher reports for self-metrics; {@code kind} is {@code Pod}, {@code
 * Namespace} or {@code Node}. A Prometheus implementation lives in {@code allocator.telemetry}.
 */
public interface MetadataPublisherListener {

  /** Does nothing. */
  MetadataPublisherListener NO_OP =
      new MetadataPublisherListener() {
        @Override
        public void published(String kind) {}

        @Override
        public void tombstoned(String kind) {}

        @Override
        public void skippedUnchanged(String kind) {}

        @Override
        public void sendFailed() {}
      };

  /** An object was written (its {@code pod/}, {@code ns/} or {@code node/} key). */
  void published(String kind);

  /** A tombstone was written for a deleted object. */
  void tombstoned(String kind);

  /** An update changed nothing the record carries and was not written. */
  void skippedUnchanged(String kind);

  /** The producer could not write a record. */
  void sendFailed();
}
