package io.scrapestream.enrich.topology;

import static io.scrapestream.enrich.Batches.lines;
import static io.scrapestream.enrich.Batches.scrape;
import static io.scrapestream.enrich.Batches.seriesAdded;
import static io.scrapestream.enrich.topology.EnrichDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.schemas.v1.ScrapeBatch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Series with their own timestamp, as Prometheus treats them: no stale marker when they disappear
 * (from a scrape or with their target) unless the target has {@code track_timestamps_staleness}.
 */
class StalenessTimestampTopologyTest {
  private static final String KEY = "00000000000000dd";
  private static final String LABELS = "{instance=\"10.0.0.1:9100\",job=\"node\"}";
  private static final long T = T0.toEpochMilli();
  private static final long S15 = 15_000;

  @TempDir Path stateDir;
  private EnrichDriver enrich;

  @BeforeEach
  void setUp() {
    enrich = new EnrichDriver(StalenessTopologyTest.settings(), stateDir);
  }

  @AfterEach
  void tearDown() {
    enrich.close();
  }

  @Test
  void shouldWriteNoMarkerWhenSeriesWithItsOwnTimestampDisappears() {
    enrich.pipe(scrape(KEY, T).sample("a", 1).timestampedSample("b", 1, T - 500).report(true, "s"));
    enrich.pipe(scrape(KEY, T + S15).sample("a", 2).report(true, "s"));

    List<TestRecord<String, ScrapeBatch>> out = enrich.readEnriched();
    assertThat(out).flatExtracting(r -> lines(r.value())).noneMatch(l -> l.endsWith("stale"));
    assertThat(out).extracting(r -> seriesAdded(r.value())).containsExactly("2", "0");
    assertThat(enrich.listener.calls).noneMatch(call -> call.startsWith("staleMarkers"));
  }

  @Test
  void shouldMarkSeriesWithItsOwnTimestampWhenTargetTracksTheirStaleness() {
    enrich.pipe(
        scrape(KEY, T)
            .trackTimestampsStaleness()
            .sample("a", 1)
            .timestampedSample("b", 1, T - 500)
            .report(true, "s"));
    enrich.pipe(scrape(KEY, T + S15).trackTimestampsStaleness().sample("a", 2).report(true, "s"));

    List<TestRecord<String, ScrapeBatch>> out = enrich.readEnriched();
    assertThat(lines(out.get(1).value())).endsWith("b" + LABELS + " stale");
    assertThat(enrich.listener.calls).contains("staleMarkers 1");
  }

  @Test
  void shouldMarkSeriesWhenItLostItsTimestampBeforeDisappearing() {
    enrich.pipe(scrape(KEY, T).sample("a", 1).timestampedSample("b", 1, T - 500).report(true, "s"));
    enrich.pipe(scrape(KEY, T + S15).sample("a", 2).sample("b", 2).report(true, "s"));
    enrich.pipe(scrape(KEY, T + 2 * S15).sample("a", 3).report(true, "s"));

    List<TestRecord<String, ScrapeBatch>> out = enrich.readEnriched();
    assertThat(lines(out.get(2).value())).endsWith("b" + LABELS + " stale");
    assertThat(out).extracting(r -> seriesAdded(r.value())).containsExactly("2", "0", "0");
  }

  @Test
  void shouldMarkSeriesInTheScrapeWhereItGainsATimestampAndNotWhenItDisappears() {
    enrich.pipe(scrape(KEY, T).sample("a", 1).sample("b", 1).report(true, "s"));
    enrich.pipe(
        scrape(KEY, T + S15).sample("a", 2).timestampedSample("b", 2, T + 100).report(true, "s"));
    enrich.pipe(scrape(KEY, T + 2 * S15).sample("a", 3).report(true, "s"));

    List<TestRecord<String, ScrapeBatch>> out = enrich.readEnriched();
    assertThat(lines(out.get(1).value()))
        .containsOnlyOnce("b" + LABELS + " 2", "b" + LABELS + " stale");
    assertThat(lines(out.get(2).value())).noneMatch(l -> l.endsWith("stale"));
    assertThat(out).extracting(r -> seriesAdded(r.value())).containsExactly("2", "0", "0");
  }

  @Test
  void shouldLeaveSeriesWithItsOwnTimestampOutOfGoneTargetMarkers() {
    enrich.pipe(scrape(KEY, T).sample("a", 1).timestampedSample("b", 1, T - 500).report(true, "s"));
    enrich.readEnriched();
    enrich.advance(Duration.ofSeconds(35));

    List<TestRecord<String, ScrapeBatch>> out = enrich.readEnriched();
    assertThat(out).hasSize(1);
    assertThat(lines(out.get(0).value()))
        .contains("a" + LABELS + " stale", "up" + LABELS + " stale")
        .noneMatch(line -> line.startsWith("b{"))
        .hasSize(6);
  }

  @Test
  void shouldWriteNoMarkerWhenTimestampedSeriesOfAnEarlierChunkDisappears() {
    enrich.pipe(scrape(KEY, T).timestampedSample("b", 1, T - 500).chunk(0, 2));
    enrich.pipe(scrape(KEY, T).sample("a", 1).report(true, "s").chunk(1, 2));
    enrich.pipe(scrape(KEY, T + S15).sample("a", 2).report(true, "s"));

    List<TestRecord<String, ScrapeBatch>> out = enrich.readEnriched();
    assertThat(out).flatExtracting(r -> lines(r.value())).noneMatch(l -> l.endsWith("stale"));
    assertThat(out).extracting(r -> seriesAdded(r.value())).containsExactly("none", "2", "0");
  }
}
