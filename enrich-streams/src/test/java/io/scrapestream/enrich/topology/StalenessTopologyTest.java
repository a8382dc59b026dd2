package io.scrapestream.enrich.topology;

import static io.scrapestream.enrich.Batches.lines;
import static io.scrapestream.enrich.Batches.scrape;
import static io.scrapestream.enrich.Batches.seriesAdded;
import static io.scrapestream.enrich.topology.EnrichDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.core.batch.BatchRecords;
import io.scrapestream.core.config.EnrichSettings;
import io.scrapestream.core.config.KubernetesEnrichSettings;
import io.scrapestream.core.config.ProcessingGuarantee;
import io.scrapestream.core.config.StalenessSettings;
import io.scrapestream.schemas.v1.ScrapeBatch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StalenessTopologyTest {
  private static final String KEY = "00000000000000aa";
  private static final String LABELS = "{instance=\"10.0.0.1:9100\",job=\"node\"}";
  private static final long T = T0.toEpochMilli();
  private static final long S15 = 15_000;

  @TempDir Path stateDir;
  private EnrichDriver enrich;

  static EnrichSettings settings() {
    KubernetesEnrichSettings off =
        new KubernetesEnrichSettings(
            false, List.of(), List.of(), List.of(), List.of(), List.of(), false);
    return new EnrichSettings(
        "enrich-test",
        ProcessingGuarantee.AT_LEAST_ONCE,
        off,
        Map.of(),
        new StalenessSettings(true, Optional.empty()));
  }

  @BeforeEach
  void setUp() {
    enrich = new EnrichDriver(settings(), stateDir);
  }

  @AfterEach
  void tearDown() {
    enrich.close();
  }

  @Test
  void shouldAppendStaleMarkerAtScrapeTimestampWhenSeriesDisappears() {
    enrich.pipe(scrape(KEY, T).sample("a", 1).sample("b", 2).report(true, "s1").build());
    enrich.pipe(scrape(KEY, T + S15).sample("a", 3).report(true, "s1").build());

    List<TestRecord<String, ScrapeBatch>> out = enrich.readEnriched();
    assertThat(lines(out.get(0).value()))
        .containsExactly(
            "a" + LABELS + " 1",
            "b" + LABELS + " 2",
            "up" + LABELS + " 1",
            "scrape_duration_seconds" + LABELS + " 0.5",
            "scrape_samples_scraped" + LABELS + " 2",
            "scrape_samples_post_metric_relabeling" + LABELS + " 2",
            "scrape_series_added" + LABELS + " 2");
    ScrapeBatch second = out.get(1).value();
    assertThat(lines(second))
        .containsExactly(
            "a" + LABELS + " 3",
            "up" + LABELS + " 1",
            "scrape_duration_seconds" + LABELS + " 0.5",
            "scrape_samples_scraped" + LABELS + " 1",
            "scrape_samples_post_metric_relabeling" + LABELS + " 1",
            "scrape_series_added" + LABELS + " 0",
            "b" + LABELS + " stale");
    assertThat(second.getSeries(6).getValueBits()).isEqualTo(0x7ff0000000000002L);
    assertThat(second.getSeries(6).hasTimestampMs()).isFalse();
    assertThat(second.getTimestampMs()).isEqualTo(T + S15);
    assertThat(out.get(1).key()).isEqualTo(KEY);
    assertThat(enrich.listener.calls)
        .containsExactly("batchWritten 7", "staleMarkers 1", "batchWritten 7");
  }

  @Test
  void shouldCountOnlyNewSeriesInScrapeSeriesAddedWhenSeriesAppear() {
    enrich.pipe(scrape(KEY, T).sample("a", 1).report(true, "s1").build());
    enrich.pipe(
        scrape(KEY, T + S15)
            .sample("a", 1)
            .sample("b", 1, "path", "/x")
            .sample("b", 1, "path", "/y")
            .report(true, "s1")
            .build());
    enrich.pipe(
        scrape(KEY, T + 2 * S15)
            .sample("a", 1)
            .sample("b", 1, "path", "/x")
            .sample("b", 1, "path", "/y")
            .report(true, "s1")
            .build());

    List<TestRecord<String, ScrapeBatch>> out = enrich.readEnriched();
    assertThat(out).extracting(r -> seriesAdded(r.value())).containsExactly("1", "2", "0");
  }

  @Test
  void shouldMarkEveryScrapedSeriesStaleWhenScrapeIsUpZero() {
    enrich.pipe(scrape(KEY, T).sample("a", 1).sample("b", 2).report(true, "s1").build());
    enrich.pipe(scrape(KEY, T + S15).sample("a", 1).report(false, "s1").build());
    enrich.pipe(scrape(KEY, T + 2 * S15).sample("a", 1).sample("b", 2).report(true, "s1").build());

    List<TestRecord<String, ScrapeBatch>> out = enrich.readEnriched();
    List<String> failed = lines(out.get(1).value());
    assertThat(failed.subList(0, 5))
        .containsExactly(
            "up" + LABELS + " 0",
            "scrape_duration_seconds" + LABELS + " 0.5",
            "scrape_samples_scraped" + LABELS + " 0",
            "scrape_samples_post_metric_relabeling" + LABELS + " 0",
            "scrape_series_added" + LABELS + " 0");
    assertThat(failed.subList(5, failed.size()))
        .containsExactlyInAnyOrder("a" + LABELS + " stale", "b" + LABELS + " stale");
    assertThat(seriesAdded(out.get(2).value())).isEqualTo("2");
    assertThat(lines(out.get(2).value())).noneMatch(line -> line.endsWith("stale"));
  }

  @Test
  void shouldWriteMarkersForEverySeriesWhenTargetStopsReportingForTwoIntervals() {
    enrich.pipe(scrape(KEY, T).sample("a", 1).report(true, "s1").build());
    enrich.readEnriched();

    enrich.advance(Duration.ofSeconds(30));
    assertThat(enrich.readEnriched()).isEmpty();
    enrich.advance(Duration.ofSeconds(5));

    List<TestRecord<String, ScrapeBatch>> out = enrich.readEnriched();
    assertThat(out).hasSize(1);
    assertThat(out.get(0).key()).isEqualTo(KEY);
    ScrapeBatch markers = out.get(0).value();
    assertThat(markers.getTimestampMs()).isEqualTo(T + S15);
    assertThat(markers.getTarget().getKey()).isEqualTo(KEY);
    assertThat(markers.getSymbols(0)).isEmpty();
    assertThat(lines(markers))
        .containsExactlyInAnyOrder(
            "a" + LABELS + " stale",
            "up" + LABELS + " stale",
            "scrape_duration_seconds" + LABELS + " stale",
            "scrape_samples_scraped" + LABELS + " stale",
            "scrape_samples_post_metric_relabeling" + LABELS + " stale",
            "scrape_series_added" + LABELS + " stale");
    assertThat(new String(out.get(0).headers().lastHeader(BatchRecords.SCHEMA_HEADER).value()))
        .isEqualTo("1");
    assertThat(enrich.listener.calls)
        .containsExactly(
            "batchWritten 6",
            "punctuated lag=0ms gone=0",
            "batchWritten 6",
            "staleMarkers 6",
            "punctuated lag=0ms gone=1");
    enrich.advance(Duration.ofSeconds(60));
    assertThat(enrich.readEnriched()).isEmpty();
  }

  @Test
  void shouldStartOverWithoutMarkersWhenGoneTargetComesBack() {
    enrich.pipe(scrape(KEY, T).sample("a", 1).report(true, "s1").build());
    enrich.advance(Duration.ofSeconds(35));
    enrich.pipe(scrape(KEY, T + 4 * S15).sample("b", 1).report(true, "s2").build());

    List<TestRecord<String, ScrapeBatch>> out = enrich.readEnriched();
    assertThat(out).hasSize(3);
    assertThat(lines(out.get(2).value())).noneMatch(line -> line.endsWith("stale"));
    assertThat(seriesAdded(out.get(2).value())).isEqualTo("1");
  }

  @Test
  void shouldWriteNoMarkerAndNoGapWhenTargetMovesBetweenScrapers() {
    enrich.pipe(scrape(KEY, T).sample("a", 1).sample("b", 1).report(true, "scraper-a").build());
    enrich.pipe(
        scrape(KEY, T + S15).sample("a", 2).sample("b", 2).report(true, "scraper-a").build());
    enrich.advance(Duration.ofSeconds(20));
    enrich.pipe(
        scrape(KEY, T + 2 * S15 + 7_000)
            .sample("a", 3)
            .sample("b", 3)
            .report(true, "scraper-b")
            .build());
    enrich.advance(Duration.ofSeconds(20));
    enrich.pipe(
        scrape(KEY, T + 3 * S15 + 7_000)
            .sample("a", 4)
            .sample("b", 4)
            .report(true, "scraper-b")
            .build());
    enrich.advance(Duration.ofSeconds(20));

    List<TestRecord<String, ScrapeBatch>> out = enrich.readEnriched();
    assertThat(out)
        .extracting(r -> r.value().getTimestampMs())
        .containsExactly(T, T + S15, T + 2 * S15 + 7_000, T + 3 * S15 + 7_000);
    assertThat(out)
        .extracting(r -> r.value().getReport().getScraperId())
        .containsExactly("scraper-a", "scraper-a", "scraper-b", "scraper-b");
    assertThat(out).flatExtracting(r -> lines(r.value())).noneMatch(l -> l.endsWith("stale"));
    assertThat(out).extracting(r -> seriesAdded(r.value())).containsExactly("2", "0", "0", "0");
  }
}
