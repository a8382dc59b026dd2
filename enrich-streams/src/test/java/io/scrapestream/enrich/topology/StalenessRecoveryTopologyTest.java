package io.scrapestream.enrich.topology;

import static io.scrapestream.enrich.Batches.lines;
import static io.scrapestream.enrich.Batches.scrape;
import static io.scrapestream.enrich.Batches.seriesAdded;
import static io.scrapestream.enrich.topology.EnrichDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.core.batch.BatchRecords;
import io.scrapestream.schemas.v1.ScrapeBatch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staleness across chunks, restarts and replays: never a false stale marker. */
class StalenessRecoveryTopologyTest {
  private static final String KEY = "00000000000000bb";
  private static final String LABELS = "{instance=\"10.0.0.1:9100\",job=\"node\"}";
  private static final long T = T0.toEpochMilli();
  private static final long S15 = 15_000;

  @TempDir Path stateDir;
  @TempDir Path preserved;
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
  void shouldCompareWholeScrapeWhenScrapeArrivesInChunks() {
    pipeChunked(T, "a", "b", "c", "d");
    pipeChunked(T + S15, "a", "b", "c", "d");
    pipeChunked(T + 2 * S15, "b", "c", "d");

    List<TestRecord<String, ScrapeBatch>> out = enrich.readEnriched();
    assertThat(out).hasSize(9);
    assertThat(out)
        .flatExtracting(r -> lines(r.value()))
        .filteredOn(l -> l.endsWith("stale"))
        .containsExactly("a" + LABELS + " stale");
    assertThat(lines(out.get(8).value())).endsWith("a" + LABELS + " stale");
    assertThat(out)
        .extracting(r -> seriesAdded(r.value()))
        .containsExactly("none", "none", "4", "none", "none", "0", "none", "none", "0");
  }

  @Test
  void shouldKeepStateWhenDriverReopensOnSameStateDirectory() {
    enrich.close();
    enrich =
        new EnrichDriver(
            StalenessTopologyTest.settings(),
            stateDir,
            new CopyOnCloseStoreSupplier(stateDir, preserved));
    enrich.pipe(scrape(KEY, T).sample("a", 1).sample("b", 1).report(true, "s1").build());
    enrich.readEnriched();
    enrich.close();
    CopyOnCloseStoreSupplier.copyTree(preserved, stateDir);

    enrich = new EnrichDriver(StalenessTopologyTest.settings(), stateDir);
    enrich.pipe(scrape(KEY, T + S15).sample("a", 2).sample("b", 2).report(true, "s1").build());
    enrich.pipe(scrape(KEY, T + 2 * S15).sample("a", 3).report(true, "s1").build());

    List<TestRecord<String, ScrapeBatch>> out = enrich.readEnriched();
    assertThat(lines(out.get(0).value())).noneMatch(line -> line.endsWith("stale"));
    assertThat(seriesAdded(out.get(0).value())).isEqualTo("0");
    assertThat(lines(out.get(1).value())).last().isEqualTo("b" + LABELS + " stale");
  }

  @Test
  void shouldWriteNoMarkerWhenTaskCatchesUpOnBatchesOlderThanTwoIntervals() {
    enrich.advance(Duration.ofSeconds(60));
    for (int i = 0; i <= 4; i++) {
      enrich.pipe(scrape(KEY, T + i * S15).sample("a", i).report(true, "s1").build());
      enrich.advance(EnrichDriver.PUNCTUATE);
    }

    List<TestRecord<String, ScrapeBatch>> out = enrich.readEnriched();
    assertThat(out).hasSize(5);
    assertThat(out).flatExtracting(r -> lines(r.value())).noneMatch(l -> l.endsWith("stale"));
    enrich.advance(Duration.ofSeconds(30));
    List<TestRecord<String, ScrapeBatch>> gone = enrich.readEnriched();
    assertThat(gone).hasSize(1);
    assertThat(gone.get(0).value().getTimestampMs()).isEqualTo(T + 5 * S15);
    assertThat(lines(gone.get(0).value())).contains("a" + LABELS + " stale");
  }

  @Test
  void shouldWriteNoMarkerWhenPipelineRunsMoreThanOneIntervalBehind() {
    List<String> keys = List.of("00000000000000b1", "00000000000000b2", "00000000000000b3");
    long delay = 22_000;
    enrich.advance(Duration.ofMillis(delay));
    for (int k = 0; k < 9; k++) {
      enrich.pipe(scrape(keys.get(k % 3), T + k * 5_000).sample("a", k).report(true, "s1").build());
      enrich.advance(EnrichDriver.PUNCTUATE);
    }

    List<TestRecord<String, ScrapeBatch>> out = enrich.readEnriched();
    assertThat(out).hasSize(9);
    assertThat(out).flatExtracting(r -> lines(r.value())).noneMatch(l -> l.endsWith("stale"));
    assertThat(enrich.listener.calls).noneMatch(call -> call.startsWith("staleMarkers"));
    enrich.advance(Duration.ofSeconds(60));
    List<TestRecord<String, ScrapeBatch>> gone = enrich.readEnriched();
    assertThat(gone)
        .extracting(r -> r.key() + "@" + (r.value().getTimestampMs() - T))
        .containsExactlyInAnyOrder(
            "00000000000000b1@45000", "00000000000000b2@50000", "00000000000000b3@55000");
  }

  @Test
  void shouldLeaveBatchAloneWhenItIsNotNewerThanTheLastScrape() {
    ScrapeBatch first = scrape(KEY, T).sample("a", 1).sample("b", 1).report(true, "s1").build();
    ScrapeBatch second = scrape(KEY, T + S15).sample("a", 1).report(true, "s1").build();
    enrich.pipe(first);
    enrich.pipe(second);
    enrich.readEnriched();

    enrich.pipe(first);
    enrich.pipe(second);
    enrich.pipe(scrape(KEY, T + 2 * S15).sample("a", 1).report(true, "s1").build());

    List<TestRecord<String, ScrapeBatch>> out = enrich.readEnriched();
    assertThat(out.get(0).value()).isEqualTo(first);
    assertThat(out.get(1).value()).isEqualTo(second);
    assertThat(lines(out.get(2).value())).noneMatch(line -> line.endsWith("stale"));
  }

  @Test
  void shouldNotMarkSeriesAgainWhenScrapeAlreadyCarriesItsStaleMarker() {
    enrich.pipe(scrape(KEY, T).sample("a", 1).sample("b", 1).build());
    enrich.pipe(
        scrape(KEY, T + S15)
            .sample("a", 1)
            .sampleBits("b", BatchRecords.STALE_MARKER_BITS)
            .build());
    enrich.pipe(scrape(KEY, T + 2 * S15).sample("a", 1).build());

    List<TestRecord<String, ScrapeBatch>> out = enrich.readEnriched();
    assertThat(lines(out.get(1).value()))
        .containsExactly("a" + LABELS + " 1", "b" + LABELS + " stale");
    assertThat(lines(out.get(2).value())).containsExactly("a" + LABELS + " 1");
  }

  @Test
  void shouldForgetTargetAndCarryOnWhenItsStoredStateIsUnreadable() {
    enrich.pipe(scrape(KEY, T).sample("a", 1).report(true, "s1").build());
    enrich
        .driver
        .<String, byte[]>getKeyValueStore(EnrichTopology.SERIES_BY_TARGET_STORE)
        .put("h:" + KEY, new byte[] {7, 7});
    enrich.pipe(scrape(KEY, T + S15).sample("b", 1).report(true, "s1").build());

    List<TestRecord<String, ScrapeBatch>> out = enrich.readEnriched();
    assertThat(out).hasSize(2);
    assertThat(seriesAdded(out.get(1).value())).isEqualTo("1");
    assertThat(lines(out.get(1).value())).noneMatch(line -> line.endsWith("stale"));
    assertThat(enrich.deadLetters.isEmpty()).isTrue();
  }

  private void pipeChunked(long timestampMs, String... names) {
    int half = names.length / 2;
    var first = scrape(KEY, timestampMs).chunk(0, 3);
    for (int i = 0; i < half; i++) {
      first.sample(names[i], 1);
    }
    var second = scrape(KEY, timestampMs).chunk(1, 3);
    for (int i = half; i < names.length; i++) {
      second.sample(names[i], 1);
    }
    enrich.pipe(first.build());
    enrich.pipe(second.build());
    enrich.pipe(scrape(KEY, timestampMs).chunk(2, 3).report(true, "s1").build());
  }
}
