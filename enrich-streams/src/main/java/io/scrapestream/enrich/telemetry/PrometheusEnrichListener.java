package io.scrapestream.enrich.telemetry;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.scrapestream.enrich.topology.DeadLetterReason;
import io.scrapestream.enrich.topology.EnrichListener;
import io.scrapestream.enrich.topology.TransformOutcome;
import java.time.Duration;

/**
 * The enrichment role's self-metrics ({@code scrapestream_enrich_*}). Labels come from closed sets
 * only: {@code outcome} (hit, miss; transformed, dropped, limited), {@code backend} (configured
 * names) and {@code reason} (the dead-letter reasons).
 */
public final class PrometheusEnrichListener implements EnrichListener {
  private static final String PREFIX = "scrapestream_enrich_";

  private final Counter records;
  private final Counter samples;
  private final Counter lookups;
  private final Counter staleMarkers;
  private final Counter deadLetters;
  private final Counter goneTargets;
  private final Gauge punctuationLag;
  private final Counter transformSamples;

  public PrometheusEnrichListener(PrometheusRegistry registry) {
    records = counter(registry, "records_total", "Batches written to samples.enriched.");
    samples = counter(registry, "samples_total", "Samples written, stale markers included.");
    lookups = counter(registry, "kubernetes_lookups_total", "Pod lookups by outcome.", "outcome");
    staleMarkers = counter(registry, "stale_markers_total", "Stale markers written.");
    deadLetters =
        counter(registry, "dead_letters_total", "Records sent to dlq.enrich by reason.", "reason");
    goneTargets = counter(registry, "gone_targets_total", "Targets that stopped reporting.");
    punctuationLag =
        Gauge.builder()
            .name(PREFIX + "punctuation_lag_seconds")
            .help("How late the last stale-target punctuation ran after it was due.")
            .register(registry);
    transformSamples =
        counter(
            registry,
            "transform_samples_total",
            "Samples of each backend's transform branch by outcome.",
            "backend",
            "outcome");
    for (DeadLetterReason reason : DeadLetterReason.values()) {
      deadLetters.labelValues(reason.label());
    }
    lookups.labelValues("hit");
    lookups.labelValues("miss");
  }

  @Override
  public void batchWritten(int samples) {
    records.inc();
    this.samples.inc(samples);
  }

  @Override
  public void kubernetesLookup(boolean hit) {
    lookups.labelValues(hit ? "hit" : "miss").inc();
  }

  @Override
  public void staleMarkers(int count) {
    staleMarkers.inc(count);
  }

  @Override
  public void deadLettered(DeadLetterReason reason) {
    deadLetters.labelValues(reason.label()).inc();
  }

  @Override
  public void punctuated(Duration lag, int gone) {
    punctuationLag.set(lag.toNanos() / 1e9);
    goneTargets.inc(gone);
  }

  @Override
  public void transformed(String backend, TransformOutcome outcome, int samples) {
    transformSamples.labelValues(backend, outcome.label()).inc(samples);
  }

  private static Counter counter(
      PrometheusRegistry registry, String name, String help, String... labelNames) {
    return Counter.builder()
        .name(PREFIX + name)
        .help(help)
        .labelNames(labelNames)
        .register(registry);
  }
}
