package io.scrapestream.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.testsupport.faults.RemoteWriteEndpoint;
import io.scrapestream.testsupport.faults.Tally;
import io.scrapestream.testsupport.kafka.KafkaFixture;
import io.scrapestream.testsupport.process.ChildJvm;
import io.scrapestream.testsupport.victoriametrics.VictoriaMetricsServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 2: the sink, a child JVM, is killed with SIGKILL while its sixth stored request waits
 * for the backend's acknowledgement (VictoriaMetrics stored it; the proxy holds the answer), then
 * started again. Nothing is lost; the duplicates are at least that request's samples and at most
 * the uncommitted window.
 */
@ExtendWith(KafkaFixture.class)
@Timeout(240)
class SinkKillFaultIT {
  @RegisterExtension static final VictoriaMetricsServer VM = new VictoriaMetricsServer();

  private static final int SERIES = 20;
  private static final int MAX_SAMPLES = 200;
  private static final int PARTITIONS = 3;

  /**
   * Samples of one scrape's record: the {@code seq} series plus at most 5 synthetic ones ({@code
   * up}, {@code scrape_duration_seconds}, {@code scrape_samples_scraped}, {@code
   * scrape_samples_post_metric_relabeling}, {@code scrape_series_added}).
   */
  private static final int RECORD_SAMPLES = SERIES + 5;

  /**
   * Stored but not committed when the sink dies: each partition exports one unit at a time and
   * commits a unit's offsets after its acknowledgement, so at most two units per partition (one
   * acknowledged and not yet committed, the next in flight); a unit closes once it holds {@code
   * MAX_SAMPLES}, so it holds at most {@code MAX_SAMPLES - 1} plus one record. 3 × 2 × 224 = 1344.
   */
  static final int UNCOMMITTED_BOUND = PARTITIONS * 2 * (MAX_SAMPLES - 1 + RECORD_SAMPLES);

  @Test
  void shouldLoseNothingAndDuplicateOnlyUncommittedWhenSinkIsKilledMidBatch(
      KafkaFixture.Broker broker, @TempDir Path dir) throws Exception {
    try (FaultRig rig =
        FaultRig.start(
            broker.uniqueName("sinkkill") + "p",
            broker.bootstrapServers(),
            VM.remoteWriteUrl(),
            new FaultRig.Shape(4, SERIES, MAX_SAMPLES),
            dir)) {
      RemoteWriteEndpoint proxy = rig.proxy();
      proxy.holdAcceptedRequest(5);
      try (ChildJvm first = rig.pipeline().startSinkChild("sink-first")) {
        assertThat(Deliveries.awaitTrue(() -> proxy.heldSamples() > 0, Duration.ofSeconds(90)))
            .as("a stored request held")
            .isTrue();
        first.kill();
      }
      proxy.release();
      long restartNanos = System.nanoTime();
      rig.pipeline().startSinkChild("sink-second");
      Tally tally =
          rig.tally("sink_kill9_mid_batch", rig.settle(), Deliveries.secondsSince(restartNanos));
      Path[] logs = {rig.pipeline().log("sink-first"), rig.pipeline().log("sink-second")};
      tally.faultLine(ChildStats.peakHeapMib(logs)).print();
      System.out.printf(
          "FAULT-DETAIL %s held_request_samples=%d uncommitted_bound=%d%n",
          tally.scenario(), proxy.heldSamples(), UNCOMMITTED_BOUND);

      assertThat(tally.lost()).isZero();
      assertThat(tally.unexpected()).isZero();
      assertThat(tally.duplicated())
          .isBetween((long) proxy.heldSamples(), (long) UNCOMMITTED_BOUND);
    }
  }
}
