package io.scrapestream.sink;

import java.time.Duration;

/** Export events for self-metrics; implementations must be cheap and must not throw. */
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
   * protocol's conversion drops them; reported once per successful export.
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
}
