package io.scrapestream.it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scrapestream.allocator.AllocatorApp;
import io.scrapestream.core.config.ConfigException;
import io.scrapestream.core.config.ConfigLoader;
import io.scrapestream.core.config.ScrapestreamConfig;
import io.scrapestream.testsupport.faults.FaultLine;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 8, scenario 6: the real allocator discovers pods (kubernetes_sd, role pod) from fabric8's
 * mock API server while its watch is dropped, refused, and answered 410 Gone (on reconnect, then on
 * the open watch). A scraper polling {@code /jobs/{job}/targets} never sees a target vanish, and
 * pods added during the disconnect are served after the reconnect.
 */
@Timeout(120)
class WatchDropIT {
  private static final Duration WAIT = Duration.ofSeconds(45);
  private static final Set<String> FIRST =
      Set.of("10.1.0.1:8080", "10.1.0.2:8080", "10.1.0.3:8080");
  private static final Set<String> ALL =
      Set.of("10.1.0.1:8080", "10.1.0.2:8080", "10.1.0.3:8080", "10.1.0.4:8080", "10.1.0.5:8080");

  @Test
  void shouldRemoveNoTargetAndServeNewOnesWhenWatchDropsAndRelistsAfterGone() throws Exception {
    try (WatchDropApiServer server = new WatchDropApiServer()) {
      for (int pod = 1; pod <= 3; pod++) {
        server.createPod("pod-" + pod, "10.1.0." + pod);
      }
      try (AllocatorApp app = AllocatorApp.builder(config(server)).start();
          WatchDropPoller poller = new WatchDropPoller(app.port(), "pods", "scraper-1")) {
        await("first targets").atMost(WAIT).until(() -> poller.latest().equals(FIRST));
        int failuresBefore = poller.failures().size();

        disconnectAndAddPod(server);
        long answersDisconnected = poller.answers();
        await("three answers while disconnected")
            .atMost(WAIT)
            .until(() -> poller.answers() >= answersDisconnected + 3);
        assertThat(poller.latest()).as("served while disconnected").isEqualTo(FIRST);
        double recovery = reconnectThroughGone(server, poller);
        goneOnOpenWatchAndAddPod(server, poller);
        await("every target").atMost(WAIT).until(() -> poller.latest().equals(ALL));
        poller.close();

        FaultLine line =
            new FaultLine("watch_drop_410", ALL.size(), poller.vanished().size(), 0, recovery, -1)
                .print();
        assertThat(poller.vanished()).as("targets that vanished from an answer").isEmpty();
        assertThat(poller.failures().subList(failuresBefore, poller.failures().size())).isEmpty();
        assertThat(line.lost()).isZero();
      }
    }
  }

  /** Drops every watch and refuses new ones; pod 4 is created while the allocator cannot see. */
  private static void disconnectAndAddPod(WatchDropApiServer server) {
    long watches = server.podWatches();
    server.refuseWatches(true);
    server.dropWatches();
    await("a refused reconnect").atMost(WAIT).until(() -> server.podWatches() >= watches + 1);
    server.createPod("pod-4", "10.1.0.4");
    await("a second refused reconnect")
        .atMost(WAIT)
        .until(() -> server.podWatches() >= watches + 2);
  }

  /** Accepts watches again, the first answering 410 Gone: the informer relists and finds pod 4. */
  private static double reconnectThroughGone(WatchDropApiServer server, WatchDropPoller poller) {
    long lists = server.podLists();
    server.goneOnNextWatch();
    long start = System.nanoTime();
    server.refuseWatches(false);
    await("pod 4 after the relist")
        .atMost(WAIT)
        .until(() -> poller.latest().contains("10.1.0.4:8080"));
    assertThat(server.podLists()).as("relists after 410 Gone").isGreaterThan(lists);
    return (System.nanoTime() - start) / 1e9;
  }

  /** ERROR 410 Gone on the open watch: the informer relists, then sees pod 5 created after. */
  private static void goneOnOpenWatchAndAddPod(WatchDropApiServer server, WatchDropPoller poller) {
    long lists = server.podLists();
    server.sendGoneOnOpenWatches();
    await("relist after Gone on the open watch")
        .atMost(WAIT)
        .until(() -> server.podLists() > lists);
    server.createPod("pod-5", "10.1.0.5");
    await("pod 5").atMost(WAIT).until(() -> poller.latest().contains("10.1.0.5:8080"));
  }

  private static ScrapestreamConfig config(WatchDropApiServer server) throws ConfigException {
    return ConfigLoader.load(
        """
        allocator:
          listen_address: 127.0.0.1:0
          refresh_interval: 100ms
          scrapers: [scraper-1]
          kubernetes: {metadata: {enabled: false}}
        scrape_configs:
          - job_name: pods
            kubernetes_sd_configs: [{role: pod, api_server: "%s"}]
        """
            .formatted(server.url()),
        "watch-drop.yaml",
        Map.of());
  }
}
