package io.scrapestream.it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.scrapestream.allocator.AllocatorApp;
import io.scrapestream.core.config.ConfigLoader;
import io.scrapestream.ingest.IngestApp;
import io.scrapestream.testsupport.faults.FaultLine;
import io.scrapestream.testsupport.faults.SequenceTargets;
import io.scrapestream.testsupport.kafka.KafkaFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 8, scenario 5: one of three scrapers killed. The allocator finds its scrapers as Ready pods
 * on the mock API server; when a scraper dies its pod turns NotReady (as the kubelet reports it),
 * and after the not-ready grace its targets go to the others. Promise: they are scraped again
 * within 2 scrape intervals + the grace; before and after, no target is scraped by two scrapers.
 */
@EnableKubernetesMockClient(crud = true, https = false)
@ExtendWith(KafkaFixture.class)
@Timeout(90)
class ScraperFailoverIT {
  private static final int TARGETS = 9;
  private static final int SERIES = 2;
  private static final long INTERVAL_MS = 1_000;
  private static final long GRACE_MS = 1_000;
  private static final long WINDOW_MS = 3_000;
  private static final String NAMESPACE = "monitoring";
  private static final List<String> PROPERTIES =
      List.of(
          "kubernetes.master",
          "kubernetes.auth.tryKubeConfig",
          "kubernetes.auth.tryServiceAccount",
          "kubernetes.namespace");

  KubernetesClient client;
  private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor();

  @BeforeEach
  void pointTheAllocatorsConnectionAtTheMockServer() {
    System.setProperty("kubernetes.master", client.getMasterUrl().toString());
    System.setProperty("kubernetes.auth.tryKubeConfig", "false");
    System.setProperty("kubernetes.auth.tryServiceAccount", "false");
    System.setProperty("kubernetes.namespace", NAMESPACE);
  }

  @AfterEach
  void stop() {
    heartbeat.shutdownNow();
    PROPERTIES.forEach(System::clearProperty);
  }

  @Test
  void shouldMoveKilledScrapersTargetsWithinTwoIntervalsAndGraceWhenOneOfThreeDies(
      KafkaFixture.Broker broker) throws Exception {
    String prefix = broker.uniqueName("failover");
    List<String> ids = List.of("scraper-0", "scraper-1", "scraper-2");
    ids.forEach(id -> client.resource(pod(id, "True")).create());
    keepWatchesBusy();
    List<IngestApp> scrapers = new ArrayList<>();
    try (SequenceTargets targets = SequenceTargets.start(TARGETS, SERIES);
        ScrapeLedger ledger = ScrapeLedger.start(broker, prefix + "samples.raw", prefix + "l");
        AllocatorApp allocator = allocator(targets)) {
      for (String id : ids) {
        scrapers.add(
            AllocatedScrapers.start(
                broker.bootstrapServers(), prefix, id, allocator.port(), "200ms"));
      }
      Set<String> keys =
          targets.addresses().stream().map(AllocatedScrapers::key).collect(Collectors.toSet());
      Window before = steadyWindow(ledger, keys);
      int victim = busiest(scrapers);
      Set<String> moved = keysOf(before.scrapers(), ids.get(victim));

      double recoverySeconds = kill(scrapers.get(victim), ids.get(victim), moved, ledger);

      Window after = steadyWindow(ledger, keys);
      SequenceLoss loss =
          SequenceLoss.of(ledger, keys, before.fromMs(), after.fromMs() + WINDOW_MS, INTERVAL_MS);
      faultLine(loss, recoverySeconds).print();
      assertThat(moved).isNotEmpty();
      assertThat(recoverySeconds).isLessThanOrEqualTo((2 * INTERVAL_MS + GRACE_MS) / 1000.0);
      assertThat(after.scrapers().values()).noneMatch(s -> s.contains(ids.get(victim)));
    } finally {
      for (IngestApp scraper : scrapers) {
        scraper.close();
      }
    }
  }

  /** Who scraped each target in a window of {@link #WINDOW_MS} from {@code fromMs}. */
  private record Window(long fromMs, Map<String, Set<String>> scrapers) {}

  /** A window once every target is scraped, checked: each target by exactly one scraper. */
  private static Window steadyWindow(ScrapeLedger ledger, Set<String> keys) {
    long start = System.currentTimeMillis();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> ledger.scrapersBetween(start, Long.MAX_VALUE).keySet().equals(keys));
    long from = awaitWindow(ledger);
    Map<String, Set<String>> scrapers = ledger.scrapersBetween(from, from + WINDOW_MS);
    assertThat(scrapers.keySet()).isEqualTo(keys);
    assertThat(scrapers.values()).allSatisfy(s -> assertThat(s).hasSize(1));
    return new Window(from, scrapers);
  }

  /**
   * Closes the scraper and turns its pod NotReady, as the kubelet reports a dead container; returns
   * the seconds from the NotReady report (where the grace starts) until every target it had was
   * scraped by another.
   */
  private double kill(IngestApp scraper, String id, Set<String> moved, ScrapeLedger ledger)
      throws Exception {
    scraper.close();
    long killedAt = System.currentTimeMillis();
    client.resource(pod(id, "False")).update();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> moved.stream().allMatch(k -> firstAfter(ledger, k, killedAt) > 0));
    long recoveredAt =
        moved.stream().mapToLong(k -> firstAfter(ledger, k, killedAt)).max().orElseThrow();
    return (recoveredAt - killedAt) / 1000.0;
  }

  private static FaultLine faultLine(SequenceLoss loss, double recoverySeconds) {
    return new FaultLine(
        "scraper-killed",
        loss.expected() * SERIES,
        loss.lost() * SERIES,
        loss.duplicated() * SERIES,
        recoverySeconds,
        SequenceLoss.peakHeapMib());
  }

  /**
   * Waits until a window of {@link #WINDOW_MS} starting 1.5 intervals from now is in the ledger.
   */
  private static long awaitWindow(ScrapeLedger ledger) {
    long from = System.currentTimeMillis() + INTERVAL_MS * 3 / 2;
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                ledger.scrapes().stream()
                    .anyMatch(s -> s.timestampMs() >= from + WINDOW_MS + INTERVAL_MS));
    return from;
  }

  /**
   * Ready pods labelled {@code app=scraper} of the namespace, watched on the mock API server with
   * the test's client; the allocator closes it.
   */
  private AllocatorApp allocator(SequenceTargets targets) throws Exception {
    return AllocatorApp.builder(
            ConfigLoader.load(
                """
                allocator:
                  listen_address: 127.0.0.1:0
                  refresh_interval: 100ms
                  kubernetes:
                    scraper_selector: app=scraper
                    scraper_namespace: %s
                    not_ready_grace: %dms
                    metadata: {enabled: false}
                """
                        .formatted(NAMESPACE, GRACE_MS)
                    + AllocatedScrapers.job(targets.addresses()),
                "allocator.yaml",
                Map.of()))
        .start();
  }

  private static int busiest(List<IngestApp> scrapers) {
    int busiest = 0;
    for (int i = 1; i < scrapers.size(); i++) {
      if (scrapers.get(i).targets() > scrapers.get(busiest).targets()) {
        busiest = i;
      }
    }
    return busiest;
  }

  private static Set<String> keysOf(Map<String, Set<String>> scrapers, String id) {
    return scrapers.entrySet().stream()
        .filter(e -> e.getValue().contains(id))
        .map(Map.Entry::getKey)
        .collect(Collectors.toSet());
  }

  /** The first scrape of {@code key} taken after {@code ms}, or 0. */
  private static long firstAfter(ScrapeLedger ledger, String key, long ms) {
    return ledger.timestamps(key).stream().filter(t -> t > ms).findFirst().orElse(0L);
  }

  /**
   * Updates a pod no selector picks every 500ms. The mock API server stops delivering events on a
   * watch that stayed idle for several seconds (a real API server sends bookmarks); the traffic
   * keeps the allocator's pod watch alive, as it is in a cluster.
   */
  private void keepWatchesBusy() {
    client.resource(heartbeat(0)).create();
    AtomicInteger beat = new AtomicInteger();
    heartbeat.scheduleAtFixedRate(
        () -> client.resource(heartbeat(beat.incrementAndGet())).update(),
        500,
        500,
        TimeUnit.MILLISECONDS);
  }

  private static Pod heartbeat(int n) {
    return new PodBuilder()
        .withNewMetadata()
        .withName("heartbeat")
        .withNamespace(NAMESPACE)
        .withLabels(Map.of("app", "other", "beat", Integer.toString(n)))
        .endMetadata()
        .build();
  }

  private static Pod pod(String name, String ready) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(NAMESPACE)
        .withLabels(Map.of("app", "scraper"))
        .endMetadata()
        .withNewStatus()
        .withPodIP("10.0.0.1")
        .addNewCondition()
        .withType("Ready")
        .withStatus(ready)
        .endCondition()
        .endStatus()
        .build();
  }
}
