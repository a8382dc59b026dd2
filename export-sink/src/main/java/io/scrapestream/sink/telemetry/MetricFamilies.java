package io.scrapestream.sink.telemetry;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** Registers the sink's metric families, each labelled by {@code backend} and maybe more. */
final class MetricFamilies {
  private static final double[] BATCH_BUCKETS = {
    1, 10, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 25_000, 50_000, 100_000
  };

  private final PrometheusRegistry registry;

  MetricFamilies(PrometheusRegistry registry) {
    this.registry = registry;
  }

  Counter counter(String name, String help, String... moreLabels) {
    return Counter.builder()
        .name(name)
        .help(help)
        .labelNames(labels(moreLabels))
        .register(registry);
  }

  Gauge gauge(String name, String help) {
    return Gauge.builder().name(name).help(help).labelNames("backend").register(registry);
  }

  /** A histogram of seconds, with client_java's default buckets. */
  Histogram seconds(String name, String help) {
    return Histogram.builder().name(name).help(help).labelNames("backend").register(registry);
  }

  /** A histogram of samples per request, from 1 to 100000. */
  Histogram samples(String name, String help) {
    return Histogram.builder()
        .name(name)
        .help(help)
        .classicUpperBounds(BATCH_BUCKETS)
        .labelNames("backend")
        .register(registry);
  }

  private static String[] labels(String... more) {
    String[] all = new String[more.length + 1];
    all[0] = "backend";
    System.arraycopy(more, 0, all, 1, more.length);
    return all;
  }
}
