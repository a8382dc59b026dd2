package io.scrapestream.sink.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scrapestream.core.config.ScrapestreamConfig;
import io.scrapestream.core.kafka.Topics;
import io.scrapestream.testsupport.faults.RemoteWriteEndpoint;
import io.scrapestream.testsupport.faults.Tally;
import io.scrapestream.testsupport.kafka.KafkaFixture;
import io.scrapestream.testsupport.process.ChildJvm;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sink process killed with SIGKILL while its fourth request is stored by the backend but not
 * yet acknowledged, then restarted: nothing is lost, and the duplicates are at least that request's
 * samples and at most the uncommitted window of every partition.
 */
@ExtendWith(KafkaFixture.class)
@Timeout(120)
class SinkKillIT {
  private static final int MAX_SAMPLES = FaultConfigs.BATCH.maxSamples();
  private static final int SERIES_PER_SCRAPE = 5;

  private static final int PARTITIONS = 4;
  private static final Duration START = Duration.ofSeconds(60);

  /**
   * Accepted by the backend but not committed when the sink dies: partitions export in parallel,
   * one request in flight each, and a partition's offsets are committed after its ack, so at most
   * two units per partition (one acknowledged, the next in flight); a unit closes once it holds
   * {@code MAX_SAMPLES}, so it holds at most {@code MAX_SAMPLES - 1} plus one record's series.
   */
  private static final int UNCOMMITTED_BOUND =
      PARTITIONS * 2 * (MAX_SAMPLES - 1 + SERIES_PER_SCRAPE);

  @Test
  void shouldLoseNothingAndDuplicateOnlyUncommittedWhenSinkIsKilledMidBatch(
      KafkaFixture.Broker broker, @TempDir Path dir) throws Exception {
    String prefix = broker.uniqueName("sink-kill");
    SequenceWorkload workload = new SequenceWorkload(40, 50, SERIES_PER_SCRAPE, 1_700_000_000_000L);
    try (RemoteWriteEndpoint receiver = RemoteWriteEndpoint.receiver(SequenceWorkload.KEYER)) {
      receiver.holdAcceptedRequest(3);
      ScrapestreamConfig config =
          FaultConfigs.remoteWrite(broker.bootstrapServers(), prefix, receiver.url());
      String topic = Topics.samplesEnriched(config.kafka());
      workload.fill(broker.clientProperties(), topic, PARTITIONS);
      String[] args = {
        broker.bootstrapServers(), prefix, receiver.url().toString(), String.valueOf(MAX_SAMPLES)
      };
      try (ChildJvm first =
          ChildJvm.start(SinkProcessMain.class, dir.resolve("first.log"), START, args)) {
        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.heldSamples() > 0);
        first.kill();
      }
      receiver.release();
      int storedAtKill = receiver.ledger().distinct();
      double recoverySeconds;
      long restartAt = System.nanoTime();
      try (ChildJvm second =
          ChildJvm.start(SinkProcessMain.class, dir.resolve("second.log"), START, args)) {
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> receiver.ledger().distinct() >= workload.samples());
        recoverySeconds = (System.nanoTime() - restartAt) / 1e9;
      }
      Tally tally =
          Tally.of(
                  "sink_killed_mid_batch",
                  workload.expected(),
                  receiver.ledger().counts(),
                  recoverySeconds)
              .print();
      System.out.printf(
          "scenario=sink_killed_mid_batch stored_at_kill=%d held_request_samples=%d bound=%d%n",
          storedAtKill, receiver.heldSamples(), UNCOMMITTED_BOUND);
      assertThat(storedAtKill).isLessThan(workload.samples());
      assertThat(tally.lost()).isZero();
      assertThat(tally.unexpected()).isZero();
      assertThat(tally.duplicated()).isGreaterThanOrEqualTo(receiver.heldSamples());
      assertThat(tally.duplicated()).isLessThanOrEqualTo(UNCOMMITTED_BOUND);
    }
  }
}
