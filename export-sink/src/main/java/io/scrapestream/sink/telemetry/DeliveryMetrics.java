package io.scrapestream.sink.telemetry;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;

/** Metrics of a sink's consumer: dead letters, lag and rebalances. */
record DeliveryMetrics(
    Counter deadLetters,
    Counter rejectedSamples,
    Gauge lagRecords,
    Gauge lagSeconds,
    Counter revoked) {
  DeliveryMetrics(MetricFamilies families) {
    this(
        families.counter(
            "scrapestream_sink_dead_letters_total", "Records written to dlq.<backend>."),
        families.counter(
            "scrapestream_sink_samples_rejected_total",
            "Samples the backend refused for good (their records are in dlq.<backend>)."),
        families.gauge(
            "scrapestream_sink_lag_records",
            "Records of the consumed topic not yet committed by the sink."),
        families.gauge(
            "scrapestream_sink_lag_seconds",
            "Age of the oldest sample read but not yet exported (0 when none is waiting)."),
        families.counter(
            "scrapestream_sink_partitions_revoked_total",
            "Partitions the group took away from this sink (rebalances)."));
  }
}
