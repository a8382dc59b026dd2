package io.scrapestream.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.testsupport.faults.RemoteWriteEndpoint;
import io.scrapestream.testsupport.faults.RemoteWriteExchange;
import io.scrapestream.testsupport.faults.RetryWaits;
import io.scrapestream.testsupport.faults.Tally;
import io.scrapestream.testsupport.kafka.KafkaFixture;
import io.scrapestream.testsupport.victoriametrics.VictoriaMetricsServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 8: a proxy in front of a real VictoriaMetrics answers 30% of the pipeline's requests
 * (seeded random) with 429 and a {@code Retry-After} of 2 seconds, an HTTP-date 3 s ahead, none, or
 * garbage, in turn, for 20 s. Nothing is lost, and no retry comes before its header allowed.
 */
@ExtendWith(KafkaFixture.class)
@Timeout(240)
class RetryAfterStormFaultIT {
  @RegisterExtension static final VictoriaMetricsServer VM = new VictoriaMetricsServer();

  private static final Duration STORM = Duration.ofSeconds(20);

  /** Clock and timer slack allowed when comparing a wait with its header. */
  private static final Duration TOLERANCE = Duration.ofMillis(100);

  /**
   * The shortest wait without a usable header: the sink's backoff floor, the pausing policy's 500
   * ms halved by its jitter (the retry policy's own floor, 1 s less 20%, is longer).
   */
  private static final Duration SHORTEST_BACKOFF = Duration.ofMillis(250);

  @Test
  void shouldLoseNothingAndHonourRetryAfterWhenBackendAnswers429Storm(
      KafkaFixture.Broker broker, @TempDir Path dir) throws Exception {
    try (FaultRig rig =
        FaultRig.start(
            broker.uniqueName("storm") + "p",
            broker.bootstrapServers(),
            VM.remoteWriteUrl(),
            new FaultRig.Shape(4, 20, 200),
            dir)) {
      PeakHeap.reset();
      rig.proxy().respondWith(new RetryAfterStorm(new Random(42), 0.3));
      rig.pipeline().startSink();
      rig.awaitFirstSamples();
      Thread.sleep(STORM.toMillis()); // the storm itself
      rig.proxy().respondWith(index -> RemoteWriteEndpoint.Reply.ACCEPT);
      long calmNanos = System.nanoTime();
      Tally tally =
          rig.tally(
              "storm_429_retry_after_30pct", rig.settle(), Deliveries.secondsSince(calmNanos));
      tally.faultLine(PeakHeap.mib()).print();
      List<RemoteWriteExchange> exchanges = rig.proxy().exchanges();
      System.out.printf(
          "FAULT-DETAIL %s refusals=%d shortest_wait_ms=%s%n",
          tally.scenario(),
          exchanges.stream().filter(e -> e.status() == 429).count(),
          RetryWaits.shortest(exchanges));

      assertThat(tally.lost()).isZero();
      assertThat(tally.unexpected()).isZero();
      assertThat(RetryWaits.shortest(exchanges).keySet())
          .containsExactlyInAnyOrder(RetryWaits.Kind.values());
      assertThat(new RetryWaits(SHORTEST_BACKOFF, TOLERANCE).early(exchanges)).isEmpty();
    }
  }
}
