package io.scrapestream.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scrapestream.allocator.AllocatorApp;
import io.scrapestream.core.config.ConfigLoader;
import io.scrapestream.ingest.IngestApp;
import io.scrapestream.it.faults.AllocatedScrapers;
import io.scrapestream.it.faults.ScrapeLedger;
import io.scrapestream.testsupport.faults.SequenceTargets;
import io.scrapestream.testsupport.kafka.KafkaFixture;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real allocator (static discovery, two scrapers listed) and two real scrapers polling it: each
 * target is scraped by exactly one of them, and both get targets.
 */
@ExtendWith(KafkaFixture.class)
@Timeout(90)
class AllocatorAssignmentIT {
  private static final int TARGETS = 8;

  @Test
  void shouldScrapeEveryTargetByExactlyOneScraperWhenTwoPollTheAllocator(KafkaFixture.Broker broker)
      throws Exception {
    String prefix = broker.uniqueName("assign");
    try (SequenceTargets targets = SequenceTargets.start(TARGETS, 2);
        ScrapeLedger ledger =
            ScrapeLedger.start(broker, prefix + "samples.raw", prefix + "ledger");
        AllocatorApp allocator =
            AllocatorApp.builder(
                    ConfigLoader.load(
                        """
                        allocator:
                          listen_address: 127.0.0.1:0
                          refresh_interval: 100ms
                          scrapers: [scraper-a, scraper-b]
                        """
                            + AllocatedScrapers.job(targets.addresses()),
                        "allocator.yaml",
                        Map.of()))
                .kubernetes(false)
                .start();
        IngestApp a = scraper(broker, prefix, "scraper-a", allocator);
        IngestApp b = scraper(broker, prefix, "scraper-b", allocator)) {
      Set<String> keys =
          targets.addresses().stream().map(AllocatedScrapers::key).collect(Collectors.toSet());
      await().atMost(Duration.ofSeconds(30)).until(() -> a.targets() + b.targets() == TARGETS);
      long from = System.currentTimeMillis();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> ledger.scrapersBetween(from, Long.MAX_VALUE).keySet().equals(keys));
      long to = System.currentTimeMillis() + 3_000;
      await().atMost(Duration.ofSeconds(30)).until(() -> lastTimestamp(ledger) >= to);

      Map<String, Set<String>> scrapers = ledger.scrapersBetween(from, to);
      assertThat(scrapers.keySet()).isEqualTo(keys);
      assertThat(scrapers.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
      assertThat(new TreeSet<>(scrapers.values().stream().map(s -> s.iterator().next()).toList()))
          .containsExactly("scraper-a", "scraper-b");
      assertThat(a.targets()).isPositive();
      assertThat(b.targets()).isPositive();
    }
  }

  private static IngestApp scraper(
      KafkaFixture.Broker broker, String prefix, String id, AllocatorApp allocator)
      throws Exception {
    return AllocatedScrapers.start(
        broker.bootstrapServers(), prefix, id, allocator.port(), "300ms");
  }

  private static long lastTimestamp(ScrapeLedger ledger) {
    return ledger.scrapes().stream().mapToLong(ScrapeLedger.Scrape::timestampMs).max().orElse(0);
  }
}
