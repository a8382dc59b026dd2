package io.scrapestream.sink.telemetry;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.scrapestream.sink.DropReason;
import io.scrapestream.sink.SinkListener;
import java.time.Duration;

/** The sinks' self-metrics, per backend. */
public final class PrometheusSinkListener implements SinkListener {
  private final Counter exported;
  private final Counter failed;
  private final Histogram latency;
  private final Counter dropped;
  private final Counter partiallyRejected;
  private final Counter duplicates;
  private final Counter written;

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
    written =
        Counter.builder()
            .name("scrapestream_sink_receiver_written_total")
            .help(
                "What a remote write 2.0 receiver confirmed writing (its"
                    + " X-Prometheus-Remote-Write-*-Written headers), by kind: samples, histograms,"
                    + " exemplars.")
            .labelNames("backend", "kind")
            .register(registry);
    dropped =
        counter(
            registry,
            "scrapestream_sink_samples_dropped_total",
            "Samples an exporter left out on purpose, by reason (e.g. stale_marker).",
            "backend",
            "reason");
    partiallyRejected =
        counter(
            registry,
            "scrapestream_sink_samples_partially_rejected_total",
            "Samples a backend refused within an accepted request (not retried).",
            "backend");
    duplicates =
        counter(
            registry,
            "scrapestream_sink_samples_duplicate_total",
            "Samples a backend already held (a replay or redelivery).",
            "backend");
  }

  private static Counter counter(
      PrometheusRegistry registry, String name, String help, String... labelNames) {
    return Counter.builder().name(name).help(help).labelNames(labelNames).register(registry);
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

  @Override
  public void dropped(String backend, DropReason reason, long samples) {
    dropped.labelValues(backend, reason.label()).inc(samples);
  }

  @Override
  public void partiallyRejected(String backend, long samples) {
    partiallyRejected.labelValues(backend).inc(samples);
  }

  @Override
  public void duplicates(String backend, long samples) {
    duplicates.labelValues(backend).inc(samples);
  }

  @Override
  public void written(String backend, long samples, long histograms, long exemplars) {
    written.labelValues(backend, "samples").inc(samples);
    written.labelValues(backend, "histograms").inc(histograms);
    written.labelValues(backend, "exemplars").inc(exemplars);
  }
}
