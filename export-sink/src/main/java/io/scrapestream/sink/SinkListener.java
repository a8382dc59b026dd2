package io.scrapestream.sink;

import java.time.Duration;

/**
 * Export events for self-metrics; implementations must be cheap, must not throw, and may be called
 * from several threads at once (partitions are exported in parallel).
 */
public interface SinkListener {

  /** A listener that ignores every event. */
  SinkListener NO_OP =
      new SinkListener() {
        @Override
        public void exported(String backend, long samples, Duration elapsed) {}

        @Override
        public void failed(String backend, String outcomeClass) {}
      };

  /** The backend acknowledged {@code samples} samples, {@code elapsed} after the export began. */
  void exported(String backend, long samples, Duration elapsed);

  /** One attempt failed; {@code outcomeClass} is {@code retryable} or {@code rejected}. */
  void failed(String backend, String outcomeClass);

  /**
   * The exporter left {@code samples} out on purpose, because the backend cannot hold them or the
   * protocol's conversion drops them, or the sink dropped them as outside the backend's window.
   */
  default void dropped(String backend, DropReason reason, long samples) {}

  /**
   * The backend accepted the request but refused {@code samples} of it for good (an OTLP partial
   * success); they are not retried.
   */
  default void partiallyRejected(String backend, long samples) {}

  /** The backend already held {@code samples} (a replay or redelivery); they count as written. */
  default void duplicates(String backend, long samples) {}

  /**
   * The receiver confirmed how many float samples, histogram samples and exemplars it wrote (remote
   * write 2.0's {@code X-Prometheus-Remote-Write-*-Written} headers); called only when it said so.
   */
  default void written(String backend, long samples, long histograms, long exemplars) {}

  /** One request (one attempt) to the backend took {@code elapsed}, whatever its outcome. */
  default void request(String backend, Duration elapsed) {}

  /** A retryable failure of class {@code status} is about to be tried again. */
  default void retried(String backend, RetryStatus status) {}

  /** One request carried {@code samples} samples. */
  default void batchSize(String backend, long samples) {}

  /**
   * Isolating a rejected sample took {@code requests} requests beyond the first (halving the
   * rejected request until the refused part is found).
   */
  default void bisected(String backend, int requests) {}

  /**
   * A record went to {@code dlq.<backend>}; {@code samples} of it were refused (0: undecodable).
   */
  default void deadLettered(String backend, long samples) {}

  /**
   * The consumer lag of the backend's sink: {@code records} not yet committed, and {@code age}, the
   * age of the oldest sample read but not yet exported (see export-sink/DESIGN.md).
   */
  default void lag(String backend, long records, Duration age) {}

  /** The group took {@code partitions} partitions away from this sink (a rebalance). */
  default void revoked(String backend, int partitions) {}

  /** A listener that passes every event to {@code first}, then to {@code second}. */
  static SinkListener both(SinkListener first, SinkListener second) {
    return new BothSinkListeners(first, second);
  }
}
