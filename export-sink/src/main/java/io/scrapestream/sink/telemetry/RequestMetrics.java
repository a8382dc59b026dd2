package io.scrapestream.sink.telemetry;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;

/** Metrics of the requests to a backend: their duration, size, retries and bisections. */
record RequestMetrics(Histogram duration, Counter retries, Histogram batchSize, Counter bisect) {
  RequestMetrics(MetricFamilies families) {
    this(
        families.seconds(
            "scrapestream_sink_request_duration_seconds",
            "Duration of one request to the backend (one attempt), whatever its outcome."),
        families.counter(
            "scrapestream_sink_retries_total",
            "Exports tried again, by status class (429, 5xx, timeout, connection, other).",
            "status"),
        families.samples("scrapestream_sink_batch_samples", "Samples per request to the backend."),
        families.counter(
            "scrapestream_sink_bisect_requests_total",
            "Requests sent to isolate the samples of a rejected request, beyond the first."));
  }
}
