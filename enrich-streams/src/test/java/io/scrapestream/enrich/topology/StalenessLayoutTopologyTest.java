package io.scrapestream.enrich.topology;

import static io.scrapestream.enrich.Batches.lines;
import static io.scrapestream.enrich.Batches.scrape;
import static io.scrapestream.enrich.Batches.seriesAdded;
import static io.scrapestream.enrich.topology.EnrichDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.core.batch.BatchRecords;
import io.scrapestream.schemas.v1.ScrapeBatch;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layout digest that lets an unchanged scrape skip hashing its series: it must never hide a
 * change that hashing every series would have seen.
 */
class StalenessLayoutTopologyTest {
  private static final String KEY = "00000000000000cc";
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
  void shouldMarkSeriesStaleWhenLabelValueOfSameLengthChanges() {
    enrich.pipe(scrape(KEY, T).sample("a", 1, "path", "/x").report(true, "s1").build());
    enrich.pipe(scrape(KEY, T + S15).sample("a", 1, "path", "/y").report(true, "s1").build());

    List<TestRecord<String, ScrapeBatch>> out = enrich.readEnriched();
    assertThat(lines(out.get(1).value()))
        .contains("a{instance=\"10.0.0.1:9100\",job=\"node\",path=\"/x\"} stale");
    assertThat(out).extracting(r -> seriesAdded(r.value())).containsExactly("1", "1");
    assertThat(enrich.listener.calls).contains("staleMarkers 1");
  }

  @Test
  void shouldCountSeriesAsNewWhenItReturnsAfterItsOwnStaleMarker() {
    enrich.pipe(scrape(KEY, T).sample("a", 1).sample("b", 1).report(true, "s1").build());
    enrich.pipe(
        scrape(KEY, T + S15)
            .sample("a", 2)
            .sampleBits("b", BatchRecords.STALE_MARKER_BITS)
            .report(true, "s1")
            .build());
    enrich.pipe(scrape(KEY, T + 2 * S15).sample("a", 3).sample("b", 3).report(true, "s1").build());
    enrich.pipe(scrape(KEY, T + 3 * S15).sample("a", 4).sample("b", 4).report(true, "s1").build());

    List<TestRecord<String, ScrapeBatch>> out = enrich.readEnriched();
    assertThat(out).extracting(r -> seriesAdded(r.value())).containsExactly("2", "0", "1", "0");
    assertThat(out).flatExtracting(r -> lines(r.value())).containsOnlyOnce("b" + LABELS + " stale");
  }

  @Test
  void shouldMarkSeriesStaleWhenItDisappearsAfterUnchangedScrapes() {
    for (int i = 0; i < 3; i++) {
      enrich.pipe(
          scrape(KEY, T + i * S15).sample("a", i).sample("b", i).report(true, "s1").build());
    }
    enrich.pipe(scrape(KEY, T + 3 * S15).sample("a", 9).report(true, "s1").build());

    List<TestRecord<String, ScrapeBatch>> out = enrich.readEnriched();
    assertThat(out).extracting(r -> seriesAdded(r.value())).containsExactly("2", "0", "0", "0");
    assertThat(lines(out.get(3).value())).endsWith("b" + LABELS + " stale");
  }
}
