package io.scrapestream.allocator.monitors;

/**
 * What monitor handling reports for self-metrics; thread-safe and quick. The Prometheus
 * implementation is in {@code allocator.telemetry}.
 */
public interface MonitorListener {
  MonitorListener NO_OP = reason -> {};

  /** A monitor was refused (it contributes no job until it changes). */
  void rejected(RejectReason reason);
}
