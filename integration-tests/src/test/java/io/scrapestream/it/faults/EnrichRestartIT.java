package io.scrapestream.it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scrapestream.cli.topics.TopicsApplier;
import io.scrapestream.core.config.ConfigLoader;
import io.scrapestream.core.config.ScrapestreamConfig;
import io.scrapestream.core.kafka.Topics;
import io.scrapestream.ingest.IngestApp;
import io.scrapestream.ingest.scrape.ScrapeListener;
import io.scrapestream.testsupport.faults.HeapLines;
import io.scrapestream.testsupport.faults.SequenceTargets;
import io.scrapestream.testsupport.faults.Tally;
import io.scrapestream.testsupport.faults.TopicRecords;
import io.scrapestream.testsupport.kafka.KafkaFixture;
import io.scrapestream.testsupport.process.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, scenario 4: the real scraper scrapes sequence targets into samples.raw while the enrich
 * app, a child JVM, is killed with SIGKILL and restarted on its state directory. Every scrape
 * reaches samples.enriched, no series gets a stale marker (none disappeared), and the staleness
 * state survives: {@code scrape_series_added} stays 0 after each target's first scrape.
 */
@ExtendWith(KafkaFixture.class)
@Timeout(180)
class EnrichRestartIT {
  private static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir Path dir;

  @Test
  void shouldLoseNoScrapeMarkNothingStaleAndKeepStateWhenEnrichIsKilledAndRestarted(
      KafkaFixture.Broker broker) throws Exception {
    try (SequenceTargets targets = SequenceTargets.start(3, 2)) {
      Path configFile = Files.writeString(dir.resolve("enrich.yaml"), yaml(broker, targets));
      ScrapestreamConfig config = ConfigLoader.load(configFile);
      TopicsApplier.apply(config, TopicsApplier.topics(config, 3, (short) 1));
      try (TopicRecords enriched =
          TopicRecords.read(
              broker.clientProperties(), List.of(Topics.samplesEnriched(config.kafka())))) {
        IngestApp ingest = IngestApp.start(config, ScrapeListener.NO_OP, "it");
        try {
          killAndRestart(configFile, targets, enriched);
        } finally {
          ingest.close();
        }
      }
    }
  }

  /**
   * Kills the first enrich JVM once 4 scrapes of each target are enriched, lets 3 more scrapes land
   * on samples.raw, restarts it, and checks the promises once every scrape is enriched.
   */
  private void killAndRestart(Path configFile, SequenceTargets targets, TopicRecords enriched)
      throws IOException {
    Path state = Files.createDirectories(dir.resolve("state"));
    long killed;
    try (ChildJvm first = enrich(configFile, state, "first.log")) {
      await("enriched scrapes").atMost(WAIT).until(() -> enrichedAll(enriched, targets, 4));
      first.kill();
      killed = System.nanoTime();
    }
    long[] atKill = scrapes(targets);
    await("scrapes while enrich is down")
        .atMost(WAIT)
        .until(() -> scrapedSince(targets, atKill, 3));
    try (ChildJvm second = enrich(configFile, state, "second.log")) {
      Set<String> expected = targets.expectedKeys();
      await("every scrape enriched")
          .atMost(WAIT)
          .until(() -> enrichedKeys(enriched).keySet().containsAll(expected));
      assertPromises(enriched, expected, (System.nanoTime() - killed) / 1e9);
    }
  }

  private void assertPromises(TopicRecords enriched, Set<String> expected, double recovery)
      throws IOException {
    EnrichRestartBatches batches = EnrichRestartBatches.of(enriched.all());
    Tally tally = Tally.of("enrich_kill_restart", expected, batches.sequenceKeys(), recovery);
    long heap =
        Math.max(
            HeapLines.peakMib(dir.resolve("first.log")),
            HeapLines.peakMib(dir.resolve("second.log")));
    tally.faultLine(heap).print();
    assertThat(Tally.missing(expected, batches.sequenceKeys()))
        .as("sequence samples lost")
        .isEmpty();
    assertThat(batches.staleMarkers()).as("false stale markers").isEmpty();
    List<String> added = batches.seriesAddedAfterFirstScrape();
    assertThat(added.stream().filter(a -> !a.endsWith("=null")))
        .as("scrape_series_added after a target's first scrape")
        .isNotEmpty()
        .allSatisfy(a -> assertThat(a).endsWith("=0"));
    assertThat(added.stream().map(a -> a.substring(0, a.indexOf('=') + 1)).distinct())
        .as("scrapes of which only an unchanged replay is enriched")
        .containsExactlyInAnyOrderElementsOf(
            added.stream()
                .filter(a -> a.endsWith("=0"))
                .map(a -> a.substring(0, a.indexOf('=') + 1))
                .distinct()
                .toList());
  }

  private static boolean enrichedAll(TopicRecords enriched, SequenceTargets targets, long scrape) {
    var keys = enrichedKeys(enriched).keySet();
    for (String address : targets.addresses()) {
      if (!keys.contains(SequenceTargets.key(address, "s0", scrape))) {
        return false;
      }
    }
    return true;
  }

  private static java.util.Map<String, Long> enrichedKeys(TopicRecords enriched) {
    enriched.poll();
    return EnrichRestartBatches.of(enriched.all()).sequenceKeys();
  }

  private static long[] scrapes(SequenceTargets targets) {
    long[] scrapes = new long[targets.targets()];
    for (int i = 0; i < scrapes.length; i++) {
      scrapes[i] = targets.scrapes(i);
    }
    return scrapes;
  }

  private static boolean scrapedSince(SequenceTargets targets, long[] before, long more) {
    for (int i = 0; i < before.length; i++) {
      if (targets.scrapes(i) < before[i] + more) {
        return false;
      }
    }
    return true;
  }

  private ChildJvm enrich(Path config, Path state, String log) throws IOException {
    return ChildJvm.start(
        EnrichRestartMain.class,
        dir.resolve(log),
        Duration.ofSeconds(90),
        config.toString(),
        state.toString());
  }

  private static String yaml(KafkaFixture.Broker broker, SequenceTargets targets) {
    String prefix = broker.uniqueName("enrich-restart");
    return """
        global: {scrape_interval: 1s, scrape_timeout: 1s}
        scrape_configs:
          - job_name: seq
            static_configs: [{targets: [%s]}]
        kafka:
          bootstrap_servers: "%s"
          topic_prefix: "%s"
          client_properties:
            commit.interval.ms: "200"
            consumer.session.timeout.ms: "6000"
            consumer.heartbeat.interval.ms: "1000"
        enrich:
          application_id: "%senrich"
          staleness: {punctuate_interval: 500ms}
        """
        .formatted(
            String.join(", ", targets.addresses().stream().map(a -> "\"" + a + "\"").toList()),
            broker.bootstrapServers(),
            prefix,
            prefix);
  }
}
