package io.scrapestream.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.testsupport.faults.Tally;
import io.scrapestream.testsupport.kafka.KafkaFixture;
import io.scrapestream.testsupport.victoriametrics.VictoriaMetricsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 9: the backend (VictoriaMetrics behind a proxy) answers each request 3 s late for 15 s
 * (1 minute with {@code -Pfaults-slow}), while the sink runs in a child JVM at {@code -Xmx256m}
 * exporting two scrapes per request: it cannot keep up, so its lag grows; then the backend is fast
 * again and the lag drains back to its live level (what the sink showed before the spell, at least
 * one record per target). No OutOfMemoryError, no rebalance (one assignment, nothing revoked),
 * nothing lost.
 */
@ExtendWith(KafkaFixture.class)
@Timeout(240)
class SlowBackendFaultIT {
  @RegisterExtension static final VictoriaMetricsServer VM = new VictoriaMetricsServer();

  private static final Duration LATENCY = Duration.ofSeconds(3);
  private static final Duration LIVE = Duration.ofSeconds(3);
  private static final Duration DRAIN_WITHIN = Duration.ofSeconds(90);
  private static final Duration CATCH_UP = Duration.ofSeconds(45);
  private static final int TARGETS = 4;

  /** Two scrapes' records (25 samples each) close a unit: one request carries two records. */
  private static final int MAX_SAMPLES = 50;

  /**
   * Records the lag grows by at least: a partition exports 2 records per 3 s request while it
   * receives at least one record per second (4 targets on 3 partitions), for 15 s.
   */
  private static final long MIN_LAG_GROWN = 5;

  @Test
  void shouldNotRunOutOfMemoryNorRebalanceAndDrainLagWhenBackendIsSlow(
      KafkaFixture.Broker broker, @TempDir Path dir) throws Exception {
    try (FaultRig rig =
        FaultRig.start(
            broker.uniqueName("slow") + "p",
            broker.bootstrapServers(),
            VM.remoteWriteUrl(),
            new FaultRig.Shape(TARGETS, 20, MAX_SAMPLES),
            dir)) {
      rig.pipeline().startSinkChild("sink");
      Path log = rig.pipeline().log("sink");
      rig.awaitFirstSamples();
      long liveLag = liveLag(log);
      rig.proxy().delay(LATENCY);
      Thread.sleep(FaultTiming.slowBackend().toMillis()); // the slow spell itself
      long maxLag =
          ChildStats.read(log).stream().mapToLong(ChildStats::lagRecords).max().orElse(-1);
      rig.proxy().delay(Duration.ZERO);
      long fastNanos = System.nanoTime();
      boolean drained = Deliveries.awaitTrue(() -> lastLag(log) <= liveLag, DRAIN_WITHIN);
      double recoverySeconds = Deliveries.secondsSince(fastNanos);
      String scenario =
          "slow_backend_" + FaultTiming.seconds(FaultTiming.slowBackend()) + "_xmx256m";
      Tally tally = rig.tally(scenario, rig.settle(), recoverySeconds);
      tally.faultLine(ChildStats.peakHeapMib(log)).print();
      List<ChildStats> stats = ChildStats.read(log);
      int revoked = stats.get(stats.size() - 1).revoked();
      long assignments = ChildStats.linesContaining(log, "] assigned [");
      System.out.printf(
          "FAULT-DETAIL %s live_lag_records=%d max_lag_records=%d revoked=%d assignments=%d%n",
          scenario, liveLag, maxLag, revoked, assignments);

      assertThat(drained).as("lag back to " + liveLag + " within " + DRAIN_WITHIN).isTrue();
      assertThat(tally.lost()).isZero();
      assertThat(tally.unexpected()).isZero();
      assertThat(maxLag).isGreaterThanOrEqualTo(liveLag + MIN_LAG_GROWN);
      assertThat(ChildStats.linesContaining(log, "OutOfMemoryError")).isZero();
      assertThat(revoked).isZero();
      assertThat(assignments).isEqualTo(1);
      assertThat(ChildStats.peakHeapMib(log)).isLessThan(256);
    }
  }

  /**
   * The lag of a sink that keeps up: once it caught up with what was scraped before it started, the
   * highest lag over {@link #LIVE}, at least one record per target.
   */
  private static long liveLag(Path log) throws Exception {
    Deliveries.awaitTrue(() -> lastLag(log) >= 0 && lastLag(log) <= TARGETS, CATCH_UP);
    int before = ChildStats.read(log).size();
    Thread.sleep(LIVE.toMillis()); // the live phase
    List<ChildStats> live = ChildStats.read(log);
    return Math.max(
        TARGETS,
        live.subList(before, live.size()).stream()
            .mapToLong(ChildStats::lagRecords)
            .max()
            .orElse(0));
  }

  private static long lastLag(Path log) {
    try {
      List<ChildStats> stats = ChildStats.read(log);
      return stats.isEmpty() ? -1 : stats.get(stats.size() - 1).lagRecords();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
