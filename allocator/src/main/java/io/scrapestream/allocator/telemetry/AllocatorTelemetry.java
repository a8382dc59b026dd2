package io.scrapestream.allocator.telemetry;

import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * Every self-metric of the allocator role in one registry: allocation and discovery ({@link
 * PrometheusAllocatorMetrics}) and the Kubernetes side ({@link PrometheusKubernetesListener}), so
 * that the role itself never touches the metrics library.
 */
public final class AllocatorTelemetry {
  private final PrometheusAllocatorMetrics allocation;
  private final PrometheusKubernetesListener kubernetes;
  private final PrometheusMonitorListener monitors;

  private AllocatorTelemetry(PrometheusRegistry registry) {
    this.allocation = new PrometheusAllocatorMetrics(registry);
    this.kubernetes = new PrometheusKubernetesListener(registry);
    this.monitors = new PrometheusMonitorListener(registry);
  }

  /** Metrics into {@code registry}, which the caller serves (JVM metrics are its business). */
  public static AllocatorTelemetry into(PrometheusRegistry registry) {
    return new AllocatorTelemetry(registry);
  }

  /** Metrics into a registry of their own, with JVM metrics, served on the API's /metrics. */
  public static AllocatorTelemetry standalone() {
    AllocatorTelemetry telemetry = new AllocatorTelemetry(new PrometheusRegistry());
    telemetry.allocation.withJvmMetrics();
    return telemetry;
  }

  public PrometheusAllocatorMetrics allocation() {
    return allocation;
  }

  public PrometheusKubernetesListener kubernetes() {
    return kubernetes;
  }

  public PrometheusMonitorListener monitors() {
    return monitors;
  }
}
