package io.scrapestream.sink.telemetry;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.scrapestream.sink.DropReason;
import io.scrapestream.sink.RetryStatus;
import io.scrapestream.sink.SinkListener;
import java.time.Duration;

/** The sinks' self-metrics, per backend (export-sink/DESIGN.md, "Self-metrics"). */
public final class PrometheusSinkListener implements SinkListener {
  private final Counter exported;
  private final Counter failed;
  private final Histogram latency;
  private final Counter dropped;
  private final Counter partiallyRejected;
  private final Counter duplicates;
  private final Counter written;
  private final RequestMetrics requests;
  private final DeliveryMetrics delivery;

  public PrometheusSinkListener(PrometheusRegistry registry) {
    MetricFamilies families = new MetricFamilies(registry);
    exported =
        families.counter(
            "scrapestream_sink_samples_exported_total", "Samples the backend acknowledged.");
    failed =
        families.counter(
            "scrapestream_sink_export_failures_total",
            "Failed export attempts by outcome class (retryable or rejected).",
            "outcome");
    latency =
        families.seconds(
            "scrapestream_sink_export_duration_seconds",
            "Time from the start of an export to the backend's acknowledgement, retries included.");
    written =
        families.counter(
            "scrapestream_sink_receiver_written_total",
            "What a remote write 2.0 receiver confirmed writing (its"
                + " X-Prometheus-Remote-Write-*-Written headers), by kind: samples, histograms,"
                + " exemplars.",
            "kind");
    dropped =
        families.counter(
            "scrapestream_sink_samples_dropped_total",
            "Samples left out on purpose, by reason (e.g. stale_marker, too_old).",
            "reason");
    partiallyRejected =
        families.counter(
            "scrapestream_sink_samples_partially_rejected_total",
            "Samples a backend refused within an accepted request (not retried).");
    duplicates =
        families.counter(
            "scrapestream_sink_samples_duplicate_total",
            "Samples a backend already held (a replay or redelivery).");
    requests = new RequestMetrics(families);
    delivery = new DeliveryMetrics(families);
  }

  @Override
  public void exported(String backend, long samples, Duration elapsed) {
    exported.labelValues(backend).inc(samples);
    latency.labelValues(backend).observe(seconds(elapsed));
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

  @Override
  public void request(String backend, Duration elapsed) {
    requests.duration().labelValues(backend).observe(seconds(elapsed));
  }

  @Override
  public void retried(String backend, RetryStatus status) {
    requests.retries().labelValues(backend, status.label()).inc();
  }

  @Override
  public void batchSize(String backend, long samples) {
    requests.batchSize().labelValues(backend).observe(samples);
  }

  @Override
  public void bisected(String backend, int extra) {
    requests.bisect().labelValues(backend).inc(extra);
  }

  @Override
  public void deadLettered(String backend, long samples) {
    delivery.deadLetters().labelValues(backend).inc();
    delivery.rejectedSamples().labelValues(backend).inc(samples);
  }

  @Override
  public void lag(String backend, long records, Duration age) {
    delivery.lagRecords().labelValues(backend).set(records);
    delivery.lagSeconds().labelValues(backend).set(seconds(age));
  }

  @Override
  public void revoked(String backend, int partitions) {
    delivery.revoked().labelValues(backend).inc(partitions);
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }
}
