package io.scrapestream.allocator.kubernetes;

/**
 * What the Kubernetes informers report for self-metrics; implementations must be thread-safe and
 * quick. A Prometheus implementation lives in {@code allocator.telemetry}.
 */
public interface KubernetesListener {

  /** Does nothing. */
  KubernetesListener NO_OP =
      new KubernetesListener() {
        @Override
        public void objectChanged(ResourceKind kind, Change change) {}

        @Override
        public void watchFailed(ResourceKind kind) {}
      };

  /** How an object changed, as the informer saw it. */
  enum Change {
    ADD,
    UPDATE,
    DELETE;

    /** The lower-case name used as a metric label value. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** An informer delivered an add, update or delete of a {@code kind} object. */
  void objectChanged(ResourceKind kind, Change change);

  /** A list or watch of {@code kind} failed; the informer retries with backoff. */
  void watchFailed(ResourceKind kind);
}
