package io.scrapestream.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.broker.BrokerSettings;
import io.scrapestream.broker.EmbeddedKafkaBroker;
import io.scrapestream.testsupport.faults.Tally;
import io.scrapestream.testsupport.process.ChildJvm;
import io.scrapestream.testsupport.victoriametrics.VictoriaMetricsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 3: the broker under the whole pipeline stops for 10 s (1 minute with {@code
 * -Pfaults-slow}) and comes back on the same data directory and port: (a) closed cleanly in this
 * JVM, (b) a child JVM killed with SIGKILL. Every scrape taken is either stored by the backend or
 * counted by the scraper as not delivered (a batch refused under back-pressure or failed after the
 * producer's retries); no scrape is stored in part; scrapes not taken are counted as skipped.
 */
@Timeout(300)
class BrokerRestartFaultIT {
  @RegisterExtension static final VictoriaMetricsServer VM = new VictoriaMetricsServer();

  private static final int TARGETS = 8;
  private static final int SERIES = 10;
  private static final Duration START = Duration.ofSeconds(60);
  private static final Duration SETTLE = Duration.ofSeconds(150);

  /** Stops and starts the broker the pipeline uses. */
  private interface Outage {
    void stop() throws Exception;

    void start() throws Exception;
  }

  @Test
  void shouldLoseNoScrapeTakenWhenBrokerStopsCleanlyAndComesBack(@TempDir Path dir)
      throws Exception {
    BrokerSettings settings =
        BrokerSettings.inDirectory(dir.resolve("broker")).withPort(freePort());
    EmbeddedKafkaBroker[] broker = {EmbeddedKafkaBroker.start(settings)};
    try {
      run(
          "broker_clean_restart",
          broker[0].bootstrapServers(),
          new Outage() {
            @Override
            public void stop() {
              broker[0].close();
            }

            @Override
            public void start() {
              broker[0] = EmbeddedKafkaBroker.start(settings);
            }
          },
          dir);
    } finally {
      broker[0].close();
    }
  }

  @Test
  void shouldLoseNoScrapeTakenWhenChildBrokerIsKilledAndRestarted(@TempDir Path dir)
      throws Exception {
    String[] args = {dir.resolve("broker").toString(), String.valueOf(freePort())};
    ChildJvm[] broker = {
      ChildJvm.start(BrokerChildMain.class, dir.resolve("broker-first.log"), START, args)
    };
    try {
      run(
          "broker_kill9_restart",
          "127.0.0.1:" + args[1],
          new Outage() {
            @Override
            public void stop() {
              broker[0].kill();
            }

            @Override
            public void start() throws IOException {
              broker[0] =
                  ChildJvm.start(
                      BrokerChildMain.class, dir.resolve("broker-second.log"), START, args);
            }
          },
          dir);
    } finally {
      broker[0].close();
    }
  }

  private static void run(String scenario, String bootstrap, Outage outage, Path dir)
      throws Exception {
    try (FaultRig rig =
        FaultRig.start(
            scenario.replace('_', '-'),
            bootstrap,
            VM.remoteWriteUrl(),
            new FaultRig.Shape(TARGETS, SERIES, 500),
            dir)) {
      PeakHeap.reset();
      rig.pipeline().startSink();
      rig.awaitFirstSamples();
      outage.stop();
      Thread.sleep(FaultTiming.brokerOutage().toMillis()); // the outage itself
      outage.start();
      long backNanos = System.nanoTime();
      ScrapeRecorder recorder = rig.pipeline().recorder();
      Set<String> taken = rig.targets().expectedKeys();
      Deliveries.awaitTrue(
          () -> missingScrapes(rig, taken) == recorder.undeliveredCounted(), SETTLE);
      check(rig, rig.tally(scenario, taken, Deliveries.secondsSince(backNanos)), taken);
    }
  }

  private static long missingScrapes(FaultRig rig, Set<String> taken) {
    return Deliveries.scrapesOf(Deliveries.missing(taken, rig.ledger())).size();
  }

  /**
   * Prints the line, whose expected samples are those of the scrapes taken less the samples of the
   * scrapes the scraper counted as not delivered, and checks that the scrapes not stored are
   * exactly those, each missing whole.
   */
  private static void check(FaultRig rig, Tally taken, Set<String> takenKeys) {
    ScrapeRecorder recorder = rig.pipeline().recorder();
    Set<String> missing = Deliveries.missing(takenKeys, rig.ledger());
    long missingScrapes = Deliveries.scrapesOf(missing).size();
    long counted = recorder.undeliveredCounted();
    Tally tally =
        new Tally(
            taken.scenario(),
            taken.expected() - counted * SERIES,
            Math.max(0, missing.size() - counted * SERIES),
            taken.duplicated(),
            taken.unexpected(),
            taken.recoverySeconds());
    tally.faultLine(PeakHeap.mib()).print();
    System.out.printf(
        "FAULT-DETAIL %s scrapes_taken=%d not_stored=%d counted_not_delivered=%d"
            + " (refused=%d, failed=%d) skipped_metric=%d%n",
        tally.scenario(),
        takenKeys.size() / SERIES,
        missingScrapes,
        counted,
        recorder.droppedAfterScrape(),
        recorder.publishFailures(),
        rig.pipeline().skippedMetric());

    assertThat(missingScrapes).as("scrapes taken and not stored").isEqualTo(counted);
    assertThat(missing).as("samples of scrapes not stored").hasSize((int) missingScrapes * SERIES);
    assertThat(tally.lost()).isZero();
    assertThat(tally.unexpected()).isZero();
    assertThat(rig.pipeline().skippedMetric()).isEqualTo(recorder.skipped());
    assertThat(recorder.skipped() + recorder.publishFailures())
        .as("scrapes skipped or failed during the outage")
        .isPositive();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
