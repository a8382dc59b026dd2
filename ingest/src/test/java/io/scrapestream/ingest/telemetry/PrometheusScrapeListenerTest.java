package io.scrapestream.ingest.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.scrapestream.core.target.ScrapeTarget;
import io.scrapestream.core.target.TargetKey;
import io.scrapestream.ingest.publish.PublishFailure;
import io.scrapestream.ingest.scrape.DroppedSampleReason;
import io.scrapestream.ingest.scrape.ScrapeLimitKind;
import io.scrapestream.ingest.scrape.ScrapeSkipReason;
import io.scrapestream.schemas.v1.ScrapeReport;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PrometheusScrapeListenerTest {
  private static final ScrapeTarget TARGET =
      new ScrapeTarget(
          new TargetKey("00000000000000aa"),
          "j",
          URI.create("http://h:1/metrics"),
          new TreeMap<>(),
          Duration.ofSeconds(10),
          Duration.ofSeconds(10),
          false,
          true);

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final PrometheusScrapeListener listener = new PrometheusScrapeListener(registry);

  @Test
  void shouldCountScrapesSamplesAndBytesWhenScrapesFinish() {
    listener.scraped(TARGET, report(true, 120, 4096, 0.25));
    listener.scraped(TARGET, report(false, 0, 0, 2.0));

    assertThat(counter("scrapestream_ingest_scrapes", "outcome", "success")).isEqualTo(1.0);
    assertThat(counter("scrapestream_ingest_scrapes", "outcome", "failure")).isEqualTo(1.0);
    assertThat(counter("scrapestream_ingest_samples_scraped")).isEqualTo(120.0);
    assertThat(counter("scrapestream_ingest_body_bytes")).isEqualTo(4096.0);
    HistogramSnapshot.HistogramDataPointSnapshot duration =
        histogram("scrapestream_ingest_scrape_duration_seconds");
    assertThat(duration.getCount()).isEqualTo(2);
    assertThat(duration.getSum()).isEqualTo(2.25);
  }

  @Test
  void shouldCountSkippedScrapesByReasonWhenBackpressureSkipsThem() {
    assertThat(counter("scrapestream_ingest_scrapes_skipped", "reason", "backpressure"))
        .isEqualTo(0.0);

    listener.scrapeSkipped(TARGET, ScrapeSkipReason.BACKPRESSURE);
    listener.scrapeSkipped(TARGET, ScrapeSkipReason.BACKPRESSURE);

    assertThat(counter("scrapestream_ingest_scrapes_skipped", "reason", "backpressure"))
        .isEqualTo(2.0);
  }

  @Test
  void shouldCountLimitHitsAndDropsByKindWhenReported() {
    listener.limitExceeded(TARGET, ScrapeLimitKind.BODY_SIZE);
    listener.limitExceeded(TARGET, ScrapeLimitKind.BODY_SIZE);
    listener.samplesDropped(TARGET, DroppedSampleReason.DUPLICATE_TIMESTAMP, 3);

    assertThat(counter("scrapestream_ingest_limit_hits", "kind", "body_size")).isEqualTo(2.0);
    assertThat(counter("scrapestream_ingest_limit_hits", "kind", "sample")).isEqualTo(0.0);
    assertThat(counter("scrapestream_ingest_samples_dropped", "reason", "duplicate_timestamp"))
        .isEqualTo(3.0);
    assertThat(counter("scrapestream_ingest_samples_dropped", "reason", "out_of_bounds"))
        .isEqualTo(0.0);
  }

  @Test
  void shouldObserveLatencyAndCountErrorsByReasonWhenBatchesArePublished() {
    listener.published(Duration.ofMillis(5), Optional.empty());
    listener.published(Duration.ofMillis(15), Optional.of(PublishFailure.REJECTED));

    HistogramSnapshot.HistogramDataPointSnapshot latency =
        histogram("scrapestream_ingest_produce_latency_seconds");
    assertThat(latency.getCount()).isEqualTo(2);
    assertThat(latency.getSum()).isEqualTo(0.02);
    assertThat(counter("scrapestream_ingest_produce_errors", "reason", "rejected")).isEqualTo(1.0);
    assertThat(counter("scrapestream_ingest_produce_errors", "reason", "retryable")).isEqualTo(0.0);
  }

  private static ScrapeReport report(boolean up, long samples, long bytes, double seconds) {
    return ScrapeReport.newBuilder()
        .setUp(up)
        .setSamplesScraped(samples)
        .setBodyBytes(bytes)
        .setDurationSeconds(seconds)
        .build();
  }

  private double counter(String name, String... labels) {
    CounterSnapshot snapshot = (CounterSnapshot) snapshot(name);
    return snapshot.getDataPoints().stream()
        .filter(p -> p.getLabels().equals(Labels.of(labels)))
        .findFirst()
        .orElseThrow()
        .getValue();
  }

  private HistogramSnapshot.HistogramDataPointSnapshot histogram(String name) {
    return ((HistogramSnapshot) snapshot(name)).getDataPoints().get(0);
  }

  private MetricSnapshot snapshot(String name) {
    return registry.scrape().stream()
        .filter(s -> s.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no metric " + name));
  }
}
