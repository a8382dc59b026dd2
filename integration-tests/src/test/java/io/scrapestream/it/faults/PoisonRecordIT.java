package io.scrapestream.it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scrapestream.cli.topics.TopicsApplier;
import io.scrapestream.core.batch.DeadLetterHeaders;
import io.scrapestream.core.config.ConfigLoader;
import io.scrapestream.core.config.ScrapestreamConfig;
import io.scrapestream.core.kafka.Topics;
import io.scrapestream.enrich.EnrichApp;
import io.scrapestream.enrich.topology.EnrichListener;
import io.scrapestream.ingest.IngestApp;
import io.scrapestream.ingest.scrape.ScrapeListener;
import io.scrapestream.sink.SinkApp;
import io.scrapestream.sink.SinkListener;
import io.scrapestream.testsupport.faults.SequenceTargets;
import io.scrapestream.testsupport.faults.Tally;
import io.scrapestream.testsupport.faults.TopicRecords;
import io.scrapestream.testsupport.kafka.KafkaFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, scenario 7: a record that is not a ScrapeBatch lands in the middle of a live partition
 * of each topic the pipeline consumes — samples.raw (enrich), samples.enriched (the sink of a
 * backend without transforms), out.&lt;backend&gt; (the sink of a backend with transforms) and
 * k8s.metadata (enrich's metadata table). Each consumer's poison goes to its dlq.* topic with
 * provenance headers, once, and the sequence samples scraped after it reach both backends.
 */
@ExtendWith(KafkaFixture.class)
@Timeout(150)
class PoisonRecordIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String PLAIN = "poison-plain";
  private static final String SHAPED = "poison-shaped";

  @TempDir Path dir;

  @Test
  void shouldDeadLetterEachPoisonOnceAndKeepPartitionsFlowingWhenEveryTopicHoldsOne(
      KafkaFixture.Broker broker) throws Exception {
    try (SequenceTargets targets = SequenceTargets.start(2, 2)) {
      ScrapestreamConfig config = config(broker, targets);
      TopicsApplier.apply(config, TopicsApplier.topics(config, 3, (short) 1));
      Run run = runPipeline(broker, config, targets);
      Set<String> served = targets.expectedKeys();
      Tally plain = PoisonRecordFiles.tally(run.expected(), served, file(PLAIN));
      Tally shaped = PoisonRecordFiles.tally(run.expected(), served, file(SHAPED));
      new Tally(
              "poison_records",
              plain.expected() + shaped.expected(),
              plain.lost() + shaped.lost(),
              plain.duplicated() + shaped.duplicated(),
              plain.unexpected() + shaped.unexpected(),
              run.recoverySeconds())
          .faultLine(-1)
          .print();
      for (Tally tally : List.of(plain, shaped)) {
        assertThat(tally.lost()).as("%s lost", tally.scenario()).isZero();
        assertThat(tally.unexpected()).as("%s unexpected", tally.scenario()).isZero();
      }
      assertDeadLetters(broker, config, run.injected());
    }
  }

  /** What a pipeline run left to check: where the poisons went, and the samples expected. */
  private record Run(PoisonRecordInjection injected, double recoverySeconds, Set<String> expected) {
    Run {
      Objects.requireNonNull(injected, "injected must not be null");
      Objects.requireNonNull(expected, "expected must not be null");
    }
  }

  /** Scraper, enrich and sink in this JVM, until the poisons are behind and every scrape stored. */
  private Run runPipeline(
      KafkaFixture.Broker broker, ScrapestreamConfig config, SequenceTargets targets)
      throws Exception {
    try (EnrichApp enrich =
            EnrichApp.start(config, EnrichListener.NO_OP, Optional.of(dir.resolve("state")));
        SinkApp sink = SinkApp.start(config, SinkListener.NO_OP)) {
      IngestApp ingest = IngestApp.start(config, ScrapeListener.NO_OP, "it");
      try {
        return injectAndAwaitFlow(broker, config, targets);
      } finally {
        ingest.close();
      }
    }
  }

  private Run injectAndAwaitFlow(
      KafkaFixture.Broker broker, ScrapestreamConfig config, SequenceTargets targets)
      throws Exception {
    List<Path> files = List.of(file(PLAIN), file(SHAPED));
    await("flow").atMost(WAIT).until(() -> storedAfter(files, targets, new long[] {2, 2}));
    PoisonRecordInjection injected = PoisonRecordInjection.inject(broker, config);
    long[] cutoff = {targets.scrapes(0), targets.scrapes(1)};
    long start = System.nanoTime();
    await("flow after the poison").atMost(WAIT).until(() -> storedAfter(files, targets, cutoff));
    double recovery = (System.nanoTime() - start) / 1e9;
    Set<String> expected = targets.expectedKeys();
    await("every scrape")
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(PoisonRecordFiles.missing(files, expected)).isEmpty());
    return new Run(injected, recovery, expected);
  }

  private Path file(String backend) {
    return dir.resolve(backend + ".jsonl");
  }

  private static void assertDeadLetters(
      KafkaFixture.Broker broker, ScrapestreamConfig config, PoisonRecordInjection injected) {
    String enrichDlq = Topics.deadLetter(config.kafka(), "enrich");
    String plainDlq = Topics.deadLetter(config.kafka(), PLAIN);
    String shapedDlq = Topics.deadLetter(config.kafka(), SHAPED);
    try (TopicRecords dead =
        TopicRecords.read(broker.clientProperties(), List.of(enrichDlq, plainDlq, shapedDlq))) {
      await("dead letters")
          .atMost(WAIT)
          .until(
              () -> {
                dead.poll();
                return !dead.of(enrichDlq).isEmpty()
                    && !dead.of(plainDlq).isEmpty()
                    && !dead.of(shapedDlq).isEmpty();
              });
      for (int i = 0; i < 5; i++) {
        dead.poll();
      }
      assertDeadLetter(dead.of(enrichDlq), "enrich", injected.raw(), injected, ENRICH_MESSAGE);
      assertDeadLetter(dead.of(plainDlq), PLAIN, injected.enriched(), injected, SINK_MESSAGE);
      assertDeadLetter(dead.of(shapedDlq), SHAPED, injected.out(), injected, SINK_MESSAGE);
    }
  }

  private static void assertDeadLetter(
      List<ConsumerRecord<String, byte[]>> dead,
      String stage,
      RecordMetadata source,
      PoisonRecordInjection injected,
      String message) {
    assertThat(dead).as("dead letters of " + stage).hasSize(1);
    ConsumerRecord<String, byte[]> record = dead.get(0);
    assertThat(record.key()).isEqualTo(injected.key());
    assertThat(record.value()).isEqualTo(PoisonRecordInjection.POISON);
    assertThat(PoisonRecordInjection.headers(record))
        .containsEntry(DeadLetterHeaders.STAGE, stage)
        .containsEntry(DeadLetterHeaders.ERROR_CLASS, "rejected")
        .containsEntry(DeadLetterHeaders.ERROR_MESSAGE, message)
        .containsEntry(DeadLetterHeaders.SOURCE_TOPIC, source.topic())
        .containsEntry(DeadLetterHeaders.SOURCE_PARTITION, String.valueOf(source.partition()))
        .containsEntry(DeadLetterHeaders.SOURCE_OFFSET, String.valueOf(source.offset()));
  }

  private static final String SINK_MESSAGE =
      "InvalidProtocolBufferException: While parsing a protocol message, the input ended"
          + " unexpectedly in the middle of a field.  This could mean either that the input has"
          + " been truncated or that an embedded message misreported its own length.";
  private static final String ENRICH_MESSAGE =
      "InvalidProtocolBufferException: length-delimited field at byte 1 declares 5 bytes; 1 remain";

  /** Whether both files hold, for every target, its series of scrape {@code after + 1}. */
  private static boolean storedAfter(List<Path> files, SequenceTargets targets, long[] after) {
    for (Path file : files) {
      Map<String, Long> stored = PoisonRecordFiles.sequenceKeys(file);
      for (int target = 0; target < targets.targets(); target++) {
        for (int series = 0; series < targets.seriesPerTarget(); series++) {
          String key =
              SequenceTargets.key(targets.address(target), "s" + series, after[target] + 1);
          if (!stored.containsKey(key)) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private ScrapestreamConfig config(KafkaFixture.Broker broker, SequenceTargets targets)
      throws Exception {
    String prefix = broker.uniqueName("poison");
    String yaml =
        """
        global: {scrape_interval: 1s, scrape_timeout: 1s}
        scrape_configs:
          - job_name: seq
            static_configs: [{targets: [%s]}]
        kafka:
          bootstrap_servers: "%s"
          topic_prefix: "%s"
          client_properties: {commit.interval.ms: "200"}
        enrich:
          application_id: "%senrich"
          staleness: {punctuate_interval: 500ms}
        backends:
          - name: %s
            file: {path: "%s"}
            batch: {max_samples: 1000, max_delay: 200ms}
          - name: %s
            file: {path: "%s"}
            batch: {max_samples: 1000, max_delay: 200ms}
            transforms:
              - add_label: {name: shaped, value: "yes"}
        """
            .formatted(
                String.join(", ", targets.addresses().stream().map(a -> "\"" + a + "\"").toList()),
                broker.bootstrapServers(),
                prefix,
                prefix,
                PLAIN,
                dir.resolve(PLAIN + ".jsonl"),
                SHAPED,
                dir.resolve(SHAPED + ".jsonl"));
    return ConfigLoader.load(yaml, "poison.yaml", Map.of());
  }
}
