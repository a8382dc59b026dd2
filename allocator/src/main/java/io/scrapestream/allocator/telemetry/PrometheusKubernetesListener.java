package io.scrapestream.allocator.telemetry;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.scrapestream.allocator.kubernetes.KubernetesListener;
import io.scrapestream.allocator.kubernetes.ResourceKind;
import io.scrapestream.allocator.metadata.MetadataPublisherListener;
import java.util.Locale;

/**
 * The allocator's Kubernetes self-metrics: informer events and list/watch failures per kind, and
 * {@code k8s.metadata} records by kind and outcome. Labels come from closed sets only.
 */
public final class PrometheusKubernetesListener
    implements KubernetesListener, MetadataPublisherListener {
  private final Counter events;
  private final Counter watchFailures;
  private final Counter records;
  private final Counter sendFailures;

  public PrometheusKubernetesListener(PrometheusRegistry registry) {
    events =
        Counter.builder()
            .name("scrapestream_allocator_kubernetes_events_total")
            .help("Kubernetes objects added, updated or deleted, as the informers saw them.")
            .labelNames("kind", "event")
            .register(registry);
    watchFailures =
        Counter.builder()
            .name("scrapestream_allocator_kubernetes_watch_failures_total")
            .help("Failed Kubernetes lists and watches (each is retried with backoff).")
            .labelNames("kind")
            .register(registry);
    records =
        Counter.builder()
            .name("scrapestream_allocator_metadata_records_total")
            .help("k8s.metadata records by outcome: published, tombstoned or skipped as unchanged.")
            .labelNames("kind", "outcome")
            .register(registry);
    sendFailures =
        Counter.builder()
            .name("scrapestream_allocator_metadata_send_failures_total")
            .help("k8s.metadata records the producer could not write.")
            .register(registry);
  }

  @Override
  public void objectChanged(ResourceKind kind, Change change) {
    events.labelValues(label(kind), change.label()).inc();
  }

  @Override
  public void watchFailed(ResourceKind kind) {
    watchFailures.labelValues(label(kind)).inc();
  }

  @Override
  public void published(String kind) {
    records.labelValues(kind, "published").inc();
  }

  @Override
  public void tombstoned(String kind) {
    records.labelValues(kind, "tombstoned").inc();
  }

  @Override
  public void skippedUnchanged(String kind) {
    records.labelValues(kind, "unchanged").inc();
  }

  @Override
  public void sendFailed() {
    sendFailures.inc();
  }

  private static String label(ResourceKind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }
}
