package io.scrapestream.sink.telemetry;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.scrapestream.sink.SinkListener;
import java.time.Duration;

/** The sinks' self-metrics, per backend. */
public final class PrometheusSinkListener implements SinkListener {
  private final Counter exported;
  private final Counter failed;
  private final Histogram latency;

  public PrometheusSinkListener(PrometheusRegistry registry) {
    exported =
        Counter.builder()
            .name("scrapestream_sink_samples_exported_total")
            .help("Samples the backend acknowledged.")
            .labelNames("backend")
            .register(registry);
    failed =
        Counter.builder()
            .name("scrapestream_sink_export_failures_total")
            .help("Failed export attempts by outcome class (retryable or rejected).")
            .labelNames("backend", "outcome")
            .register(registry);
    latency =
        Histogram.builder()
            .name("scrapestream_sink_export_duration_seconds")
            .help("Time from the start of an export to the backend's acknowledgement.")
            .labelNames("backend")
            .register(registry);
  }

  @Override
  public void exported(String backend, long samples, Duration elapsed) {
    exported.labelValues(backend).inc(samples);
    latency.labelValues(backend).observe(elapsed.toNanos() / 1e9);
  }

  @Override
  public void failed(String backend, String outcomeClass) {
    failed.labelValues(backend, outcomeClass).inc();
  }
}
