package io.scrapestream.allocator.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.core.config.ScrapeConfig;
import io.scrapestream.core.config.StaticConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiscoveryManagerTest {
  private final List<String> events = new ArrayList<>();
  private int changes;

  @Test
  void shouldStartAndStopDiscoverersWhenAddedJobsAreReplaced() {
    DiscoveryManager manager =
        new DiscoveryManager(List.of(job("config", "c:1")), this::discoverers, () -> changes++);
    manager.start();

    manager.replaceAddedJobs(List.of(job("monitor-a", "a:1"), job("monitor-b", "b:1")));
    manager.replaceAddedJobs(List.of(job("monitor-b", "b:2")));

    assertThat(manager.jobs().stream().map(ScrapeConfig::jobName))
        .containsExactly("config", "monitor-b");
    assertThat(manager.groupsByJob().keySet()).containsExactly("config", "monitor-b");
    assertThat(manager.groupsByJob().get("monitor-b").get(0).targets())
        .containsExactly(Map.of("__address__", "b:2"));
    assertThat(manager.allReported()).isTrue();
    assertThat(events)
        .containsExactly(
            "start config",
            "start monitor-a",
            "start monitor-b",
            "close monitor-a",
            "close monitor-b",
            "start monitor-b");
  }

  @Test
  void shouldKeepTheConfiguredJobWhenAnAddedJobHasItsName() {
    DiscoveryManager manager =
        new DiscoveryManager(List.of(job("config", "c:1")), this::discoverers, () -> changes++);
    manager.start();

    manager.replaceAddedJobs(List.of(job("config", "x:1")));

    assertThat(manager.jobs()).containsExactly(job("config", "c:1"));
    assertThat(events).containsExactly("start config");
  }

  private List<Discoverer> discoverers(ScrapeConfig job) {
    return List.of(
        new Discoverer() {
          @Override
          public void start(TargetGroupListener updates) {
            events.add("start " + job.jobName());
            updates.groupsChanged(
                List.of(
                    new TargetGroup(
                        "static", List.of(Map.of("__address__", job.targets().get(0))), Map.of())));
          }

          @Override
          public void close() {
            events.add("close " + job.jobName());
          }
        });
  }

  private static ScrapeConfig job(String name, String target) {
    return new ScrapeConfig(
        name,
        Duration.ofSeconds(30),
        Duration.ofSeconds(10),
        "/metrics",
        "http",
        Map.of(),
        false,
        true,
        List.of(new StaticConfig(List.of(target), Map.of())));
  }
}
