package io.scrapestream.allocator.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.allocator.discovery.TargetGroup;
import io.scrapestream.core.config.ScrapeConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TargetSetTest {

  @Test
  void shouldKeepTheFirstJobAndCountDuplicatesWhenTwoJobsRelabelToOneAddress() {
    ScrapeConfig a = job("a");
    ScrapeConfig b = job("b");
    TargetBuilder builder =
        new TargetBuilder(
            (job, labels) -> {
              TreeMap<String, String> out = new TreeMap<>(labels);
              out.put("__address__", labels.getOrDefault("__address__", "").replace("pod-ip", "10.0.0.1"));
              return labels.containsKey("drop") ? Optional.empty() : Optional.of(out);
            });
    Map<String, List<TargetGroup>> groups =
        Map.of(
            "b", List.of(group("x", "pod-ip:9100", "z:1")),
            "a", List.of(group("y", "10.0.0.1:9100"), new TargetGroup("d", List.of(Map.of("__address__", "q:1", "drop", "1"), Map.of()), Map.of())));

    TargetSet set = TargetSet.build(List.of(a, b), groups, builder);

    assertThat(set.targets()).extracting(Target::key, Target::job)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("http://10.0.0.1:9100/metrics", "a"),
            org.assertj.core.groups.Tuple.tuple("http://z:1/metrics", "b"));
    assertThat(List.of(set.duplicates(), set.dropped(), set.invalid())).containsExactly(1, 1, 1);
  }

  private static TargetGroup group(String source, String... addresses) {
    return new TargetGroup(
        source, java.util.Arrays.stream(addresses).map(t -> Map.of("__address__", t)).toList(), Map.of());
  }

  static ScrapeConfig job(String name) {
    return new ScrapeConfig(
        name, Duration.ofSeconds(30), Duration.ofSeconds(10), "/metrics", "http", Map.of(), false, true, List.of());
  }
}
