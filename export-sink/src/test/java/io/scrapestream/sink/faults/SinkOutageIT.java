package io.scrapestream.sink.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scrapestream.core.config.ScrapestreamConfig;
import io.scrapestream.core.kafka.Topics;
import io.scrapestream.sink.SinkApp;
import io.scrapestream.sink.SinkListener;
import io.scrapestream.testsupport.faults.RemoteWriteEndpoint;
import io.scrapestream.testsupport.faults.RemoteWriteEndpoint.Reply;
import io.scrapestream.testsupport.faults.Tally;
import io.scrapestream.testsupport.kafka.KafkaFixture;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** A backend that goes down mid-stream for 10 s and comes back: nothing is lost. */
@ExtendWith(KafkaFixture.class)
@Timeout(90)
class SinkOutageIT {
  private static final Duration HALF_OUTAGE = Duration.ofSeconds(5);

  /** Waits for the first 503, keeps answering 503, refuses connections, then comes back. */
  private static void outage(RemoteWriteEndpoint receiver, AtomicBoolean restored)
      throws Exception {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> receiver.exchanges().stream().anyMatch(e -> e.status() == 503));
    Thread.sleep(HALF_OUTAGE.toMillis()); // the outage itself, answering 503
    receiver.refuseConnections();
    Thread.sleep(HALF_OUTAGE.toMillis()); // the outage itself, refusing connections
    receiver.acceptConnections();
    restored.set(true);
  }

  @Test
  void shouldLoseNoSampleWhenBackendAnswers503ThenRefusesConnectionsThenComesBack(
      KafkaFixture.Broker broker) throws Exception {
    String prefix = broker.uniqueName("sink-outage");
    SequenceWorkload workload = new SequenceWorkload(40, 50, 5, 1_700_000_000_000L);
    try (RemoteWriteEndpoint receiver = RemoteWriteEndpoint.receiver(SequenceWorkload.KEYER)) {
      AtomicBoolean restored = new AtomicBoolean();
      receiver.respondWith(
          index -> index >= 2 && !restored.get() ? new Reply(503, Optional.empty()) : Reply.ACCEPT);
      ScrapestreamConfig config =
          FaultConfigs.remoteWrite(broker.bootstrapServers(), prefix, receiver.url());
      String topic = Topics.samplesEnriched(config.kafka());
      workload.fill(broker.clientProperties(), topic, 4);
      double recoverySeconds;
      try (SinkApp sink = SinkApp.start(config, SinkListener.NO_OP)) {
        outage(receiver, restored);
        long restoredAt = System.nanoTime();
        await()
            .atMost(Duration.ofSeconds(45))
            .until(() -> receiver.ledger().distinct() >= workload.samples());
        recoverySeconds = (System.nanoTime() - restoredAt) / 1e9;
      }
      Tally tally =
          Tally.of(
                  "backend_down_10s",
                  workload.expected(),
                  receiver.ledger().counts(),
                  recoverySeconds)
              .print();
      assertThat(receiver.acceptedRequests()).isGreaterThan(2);
      assertThat(tally.lost()).isZero();
      assertThat(tally.duplicated()).isZero();
      assertThat(tally.unexpected()).isZero();
    }
  }
}
