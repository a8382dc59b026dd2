package io.scrapestream.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scrapestream.testsupport.faults.RemoteWriteEndpoint;
import io.scrapestream.testsupport.faults.RemoteWriteExchange;
import io.scrapestream.testsupport.faults.SequenceTargets;
import io.scrapestream.testsupport.faults.Tally;
import io.scrapestream.testsupport.faults.WriteRequestLedger;
import io.scrapestream.testsupport.kafka.KafkaFixture;
import io.scrapestream.testsupport.victoriametrics.VictoriaMetricsServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 1: the backend (a real VictoriaMetrics) is unreachable — its port refuses connections —
 * for 20 s (2 minutes with {@code -Pfaults-slow}) while the whole pipeline runs, then comes back.
 * Nothing is lost, the backlog is stored at least 5 times as fast as the live rate, and
 * VictoriaMetrics holds exactly the samples the ledger counted.
 */
@ExtendWith(KafkaFixture.class)
@Timeout(360)
class BackendOutageFaultIT {
  @RegisterExtension static final VictoriaMetricsServer VM = new VictoriaMetricsServer();

  private static final Duration LIVE_WINDOW = Duration.ofSeconds(4);
  private static final Duration DRAIN_WITHIN = Duration.ofSeconds(120);
  private static final double DRAIN_FACTOR = 5.0;

  /** What the outage showed: the live rate, the backlog and how fast it was stored. */
  private record Drain(
      double liveRate, int backlog, boolean complete, double rate, double seconds) {}

  @Test
  void shouldLoseNothingAndDrainBacklogFastWhenBackendIsDownThenBack(
      KafkaFixture.Broker broker, @TempDir Path dir) throws Exception {
    Duration outage = FaultTiming.backendOutage();
    try (FaultRig rig =
        FaultRig.start(
            broker.uniqueName("outage") + "p",
            broker.bootstrapServers(),
            VM.remoteWriteUrl(),
            new FaultRig.Shape(4, 20, 500),
            dir)) {
      PeakHeap.reset();
      rig.pipeline().startSink();
      rig.awaitFirstSamples();
      Drain drain = outage(rig, outage);
      String scenario = "backend_down_" + FaultTiming.seconds(outage) + "_victoriametrics";
      Tally tally = rig.tally(scenario, rig.settle(), drain.seconds());
      tally.faultLine(PeakHeap.mib()).print();
      System.out.printf(
          "FAULT-DETAIL %s live_rate=%.1f/s drain_rate=%.1f/s backlog=%d%n",
          scenario, drain.liveRate(), drain.rate(), drain.backlog());

      assertThat(drain.complete()).as("backlog stored within " + DRAIN_WITHIN).isTrue();
      assertThat(tally.lost()).isZero();
      assertThat(tally.unexpected()).isZero();
      assertThat(drain.rate()).isGreaterThanOrEqualTo(DRAIN_FACTOR * drain.liveRate());
      rig.pipeline().stopScraping();
      assertThat(
              Deliveries.awaitTrue(
                  () -> distinctInBackend() == rig.ledger().distinct(), Duration.ofSeconds(20)))
          .as("VictoriaMetrics holds the %d samples the ledger counted", rig.ledger().distinct())
          .isTrue();
    }
  }

  /** Measures the live rate, takes the backend away for {@code outage}, and times the drain. */
  private static Drain outage(FaultRig rig, Duration outage) throws Exception {
    WriteRequestLedger ledger = rig.ledger();
    double liveRate = storedPerSecond(ledger, LIVE_WINDOW);
    rig.proxy().refuseConnections();
    Thread.sleep(outage.toMillis()); // the outage itself
    Set<String> backlog = rig.targets().expectedKeys();
    long backNanos = System.nanoTime();
    long storedAtBack = ledger.stored();
    rig.proxy().acceptConnections();
    boolean complete = Deliveries.awaitAll(backlog, ledger, DRAIN_WITHIN);
    long doneNanos = System.nanoTime();
    double rate = drainRate(rig.proxy(), backNanos, doneNanos, ledger.stored() - storedAtBack);
    return new Drain(liveRate, backlog.size(), complete, rate, (doneNanos - backNanos) / 1e9);
  }

  /** {@code seq} samples stored per second over {@code window}. */
  private static double storedPerSecond(WriteRequestLedger ledger, Duration window)
      throws InterruptedException {
    long before = ledger.stored();
    long start = System.nanoTime();
    Thread.sleep(window.toMillis()); // the measuring window
    return (ledger.stored() - before) / Deliveries.secondsSince(start);
  }

  /**
   * Samples stored from the first request the backend accepted after it came back until the backlog
   * was complete, per second of that span.
   */
  private static double drainRate(
      RemoteWriteEndpoint proxy, long backNanos, long doneNanos, long stored) {
    long firstAccepted =
        proxy.exchanges().stream()
            .filter(e -> e.arrivedNanos() >= backNanos && e.accepted())
            .mapToLong(RemoteWriteExchange::arrivedNanos)
            .min()
            .orElse(doneNanos);
    return stored / Math.max((doneNanos - firstAccepted) / 1e9, 0.001);
  }

  /** Different {@code seq} samples VictoriaMetrics holds, by instance, series and value. */
  private static int distinctInBackend() {
    VM.flush();
    Set<String> keys = new HashSet<>();
    for (JsonNode series : VM.export("{__name__=\"seq\"}")) {
      String instance = series.path("metric").path("instance").asText();
      String name = series.path("metric").path("series").asText();
      for (JsonNode value : series.path("values")) {
        if (value.isNumber()) {
          keys.add(SequenceTargets.key(instance, name, value.asLong()));
        }
      }
    }
    return keys.size();
  }
}
