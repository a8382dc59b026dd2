package io.scrapestream.it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scrapestream.cli.topics.TopicsApplier;
import io.scrapestream.core.config.ConfigLoader;
import io.scrapestream.core.config.ScrapestreamConfig;
import io.scrapestream.core.kafka.Topics;
import io.scrapestream.testsupport.faults.HeapLines;
import io.scrapestream.testsupport.faults.SequenceTargets;
import io.scrapestream.testsupport.faults.Tally;
import io.scrapestream.testsupport.faults.TopicRecords;
import io.scrapestream.testsupport.kafka.KafkaFixture;
import io.scrapestream.testsupport.process.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, scenario 10: the real scraper, a child JVM at {@code -Xmx256m}, scrapes three sequence
 * targets every 2 s and one hostile target (gzip bomb, endless body, slow loris, 10,000 labels)
 * every second. Each hostile scrape fails with up 0 and its exact reason; every normal scrape lands
 * on samples.raw, on time; the scraper's heap stays small.
 */
@ExtendWith(KafkaFixture.class)
@Timeout(120)
class HostileTargetIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  /** The normal targets' interval (and timeout); the hostile ones are scraped every second. */
  private static final long INTERVAL_MS = 2_000;

  /**
   * Slack on the scrape-to-record delay; half of it on the gap between scrapes, which may also skip
   * one tick (the scheduler skips a tick it cannot make rather than scrape faster than the
   * interval). Sized for a 2-core machine at load average 20: at a 1 s interval the worst there was
   * a 2.5 s delay and a 2.6 s gap, and a normal scrape now and then timed out.
   */
  private static final long SLACK_MS = 2_000;

  /**
   * The one failure a normal scrape may have: a timeout before its target answered, which a 2-core
   * machine at load average 25 causes now and then (measured: 1 in ~20), hostile target or not. At
   * most a tenth of the normal scrapes may fail so, and only their samples may be missing.
   */
  private static final String NORMAL_TIMEOUT =
      "up=0 Get \"http://127\\.0\\.0\\.1:\\d+/metrics\": context deadline exceeded"
          + " \\(scrape_timeout 2s\\)";

  @TempDir Path dir;

  @Test
  void shouldFailOnlyHostileScrapesAndDeliverEveryOtherOnTimeWhenOneTargetIsHostile(
      KafkaFixture.Broker broker) throws Exception {
    try (SequenceTargets targets = SequenceTargets.start(3, 2);
        HostileTargetServer hostile = new HostileTargetServer()) {
      Path configFile =
          Files.writeString(dir.resolve("scraper.yaml"), yaml(broker, targets, hostile));
      ScrapestreamConfig config = ConfigLoader.load(configFile);
      TopicsApplier.apply(config, TopicsApplier.topics(config, 3, (short) 1));
      Path log = dir.resolve("scraper.log");
      try (TopicRecords raw =
              TopicRecords.read(
                  broker.clientProperties(), List.of(Topics.samplesRaw(config.kafka())));
          ChildJvm scraper =
              ChildJvm.start(HostileTargetScraperMain.class, log, WAIT, configFile.toString())) {
        await("six scrapes per target")
            .atMost(WAIT)
            .until(() -> minScrapes(targets) >= 6 && raw.poll() != null);
        Set<String> expected = targets.expectedKeys();
        long[] served = maxServed(targets);
        await("a later scrape of every normal target on samples.raw")
            .atMost(WAIT)
            .until(() -> storedBeyond(raw, targets, served));
        assertPromises(HostileTargetBatches.of(raw.all()), targets, expected, hostile, log);
      }
    }
  }

  private static void assertPromises(
      HostileTargetBatches batches,
      SequenceTargets targets,
      Set<String> expected,
      HostileTargetServer hostile,
      Path log)
      throws java.io.IOException {
    Map<String, Long> stored = restricted(batches, targets, expected);
    Tally tally = Tally.of("hostile_target", expected, stored, 0);
    long heap = HeapLines.peakMib(log);
    tally.faultLine(heap).print();
    System.out.printf(
        "hostile_target: worst scrape-to-record delay %d ms, worst gap between scrapes %d ms,"
            + " %d of %d normal scrapes timed out%n",
        batches.worstDelayMs(),
        batches.worstGapMs(),
        batches.failedScrapes("seq"),
        batches.scrapes("seq"));
    assertHostileScrapesFailed(batches, hostile);
    long failed = batches.failedScrapes("seq");
    assertThat(batches.reports("seq"))
        .as("normal reports")
        .contains("up=1 ")
        .allMatch(report -> report.equals("up=1 ") || report.matches(NORMAL_TIMEOUT));
    assertThat(failed * 10)
        .as("normal scrapes failed, x10")
        .isLessThanOrEqualTo(batches.scrapes("seq"));
    assertThat(tally.lost())
        .as("normal samples missing %s", Tally.missing(expected, stored))
        .isLessThanOrEqualTo(failed * targets.seriesPerTarget());
    assertThat(batches.worstDelayMs())
        .as("scrape start to record")
        .isLessThanOrEqualTo(INTERVAL_MS + SLACK_MS);
    assertThat(batches.worstGapMs())
        .as("gap between scrapes of one target")
        .isLessThanOrEqualTo(2 * INTERVAL_MS + SLACK_MS / 2);
    assertThat(heap).as("scraper peak heap MiB").isLessThan(128);
  }

  /**
   * Each hostile job's scrapes fail with its reason; on a loaded machine a scrape may also time out
   * before the target answered at all, and that is the only other outcome allowed.
   */
  private static void assertHostileScrapesFailed(
      HostileTargetBatches batches, HostileTargetServer hostile) {
    String bodyLimit = "up=0 body size limit exceeded (body_size_limit 1MiB)";
    assertFailed(batches, hostile, "bomb", bodyLimit);
    assertFailed(batches, hostile, "endless", bodyLimit);
    assertFailed(
        batches,
        hostile,
        "loris",
        "up=0 context deadline exceeded while reading the body (scrape_timeout 1s, "
            + HostileTargetServer.LORIS_BODY_BYTES
            + " bytes read)");
    assertFailed(
        batches,
        hostile,
        "labels",
        "up=0 label_limit exceeded (metric: wide, number of labels: 10003, limit: 64)");
  }

  private static void assertFailed(
      HostileTargetBatches batches, HostileTargetServer hostile, String job, String reason) {
    String noAnswer =
        "up=0 Get \"http://"
            + hostile.address()
            + "/"
            + job
            + "\": context deadline exceeded (scrape_timeout 1s)";
    assertThat(batches.reports(job)).as("reports of " + job).contains(reason);
    assertThat(batches.reports(job)).as("reports of " + job).isSubsetOf(reason, noAnswer);
  }

  /**
   * Whether each normal target has a sequence sample above {@code served} on the topic: a target's
   * scrapes run one after the other and its records keep their order, so every earlier scrape of it
   * has been published (or reported failed) by then.
   */
  private static boolean storedBeyond(TopicRecords raw, SequenceTargets targets, long[] served) {
    raw.poll();
    HostileTargetBatches batches = HostileTargetBatches.of(raw.all());
    for (int i = 0; i < served.length; i++) {
      if (batches.maxSequence(targets.address(i)) <= served[i]) {
        return false;
      }
    }
    return true;
  }

  private static long[] maxServed(SequenceTargets targets) {
    long[] max = new long[targets.targets()];
    for (int i = 0; i < max.length; i++) {
      max[i] = targets.served(i).stream().mapToLong(Long::longValue).max().orElse(0);
    }
    return max;
  }

  /** The stored keys without those of scrapes served after {@code expected} was taken. */
  private static java.util.Map<String, Long> restricted(
      HostileTargetBatches batches, SequenceTargets targets, Set<String> expected) {
    java.util.Map<String, Long> stored = new java.util.HashMap<>(batches.sequenceKeys());
    Set<String> served = targets.expectedKeys();
    stored.keySet().removeIf(key -> served.contains(key) && !expected.contains(key));
    return stored;
  }

  private static long minScrapes(SequenceTargets targets) {
    long min = Long.MAX_VALUE;
    for (int i = 0; i < targets.targets(); i++) {
      min = Math.min(min, targets.scrapes(i));
    }
    return min;
  }

  private static String yaml(
      KafkaFixture.Broker broker, SequenceTargets targets, HostileTargetServer hostile) {
    String prefix = broker.uniqueName("hostile");
    String address = "[\"" + hostile.address() + "\"]";
    return """
        global:
          scrape_interval: 1s
          scrape_timeout: 1s
          body_size_limit: 1MiB
          label_limit: 64
        scrape_configs:
          - job_name: seq
            scrape_interval: 2s
            scrape_timeout: 2s
            static_configs: [{targets: [%s]}]
          - {job_name: bomb, metrics_path: /bomb, static_configs: [{targets: %s}]}
          - {job_name: endless, metrics_path: /endless, static_configs: [{targets: %s}]}
          - {job_name: loris, metrics_path: /loris, static_configs: [{targets: %s}]}
          - {job_name: labels, metrics_path: /labels, static_configs: [{targets: %s}]}
        kafka:
          bootstrap_servers: "%s"
          topic_prefix: "%s"
        """
        .formatted(
            String.join(", ", targets.addresses().stream().map(a -> "\"" + a + "\"").toList()),
            address,
            address,
            address,
            address,
            broker.bootstrapServers(),
            prefix);
  }
}
