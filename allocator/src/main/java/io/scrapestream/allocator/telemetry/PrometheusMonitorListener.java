package io.scrapestream.allocator.telemetry;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.scrapestream.allocator.monitors.MonitorListener;
import io.scrapestream.allocator.monitors.RejectReason;

/** Prometheus-Operator monitors refused, by reason. */
public final class PrometheusMonitorListener implements MonitorListener {
  private final Counter rejected;

  public PrometheusMonitorListener(PrometheusRegistry registry) {
    rejected =
        Counter.builder()
            .name("scrapestream_allocator_monitors_rejected_total")
            .help("Prometheus-Operator monitors refused (no job until they change), by reason.")
            .labelNames("reason")
            .register(registry);
  }

  @Override
  public void rejected(RejectReason reason) {
    rejected.labelValues(reason.label()).inc();
  }
}
