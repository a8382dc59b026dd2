package io.scrapestream.allocator.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.allocator.discovery.TargetGroup;
import io.scrapestream.core.config.ConfigLoader;
import io.scrapestream.core.config.ScrapeConfig;
import io.scrapestream.core.relabel.RelabelConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Target relabeling through the relabel engine, before allocation (issue 4's first pain). */
class JobRelabelingTest {

  @Test
  void shouldMakeOneTargetWhenTwoJobsRelabelToTheSameAddress() throws Exception {
    List<RelabelConfig> toNodePort =
        ConfigLoader.loadRelabelConfigs(
            """
            - source_labels: [__meta_node_ip]
              target_label: __address__
              replacement: $1:9100
            """,
            "rules.yaml");
    ScrapeConfig a = withRules(TargetSetTest.job("a"), toNodePort);
    ScrapeConfig b = withRules(TargetSetTest.job("b"), toNodePort);
    Map<String, List<TargetGroup>> groups =
        Map.of(
            "a", List.of(group("pod/x", "10.1.0.5:8080", "10.0.0.1")),
            "b", List.of(group("svc/y", "10.1.0.9:80", "10.0.0.1")));

    TargetSet set = TargetSet.build(List.of(a, b), groups, new TargetBuilder(new JobRelabeling()));

    assertThat(set.targets()).extracting(Target::key).containsExactly("http://10.0.0.1:9100/metrics");
    assertThat(set.targets()).extracting(Target::job).containsExactly("a");
    assertThat(set.duplicates()).isEqualTo(1);
  }

  @Test
  void shouldDropTheTargetWhenARuleSaysDrop() throws Exception {
    List<RelabelConfig> dropCanary =
        ConfigLoader.loadRelabelConfigs(
            """
            - source_labels: [__meta_node_ip]
              regex: 10\\.0\\.0\\..*
              action: drop
            """,
            "rules.yaml");
    ScrapeConfig job = withRules(TargetSetTest.job("a"), dropCanary);

    TargetSet set =
        TargetSet.build(
            List.of(job),
            Map.of("a", List.of(group("pod/x", "10.1.0.5:8080", "10.0.0.1"))),
            new TargetBuilder(new JobRelabeling()));

    assertThat(set.targets()).isEmpty();
    assertThat(set.dropped()).isEqualTo(1);
  }

  private static TargetGroup group(String source, String address, String nodeIp) {
    return new TargetGroup(
        source, List.of(Map.of("__address__", address, "__meta_node_ip", nodeIp)), Map.of());
  }

  private static ScrapeConfig withRules(ScrapeConfig j, List<RelabelConfig> rules) {
    return new ScrapeConfig(
        j.jobName(),
        j.scrapeInterval(),
        j.scrapeTimeout(),
        j.metricsPath(),
        j.scheme(),
        j.params(),
        j.honorLabels(),
        j.honorTimestamps(),
        j.trackTimestampsStaleness(),
        j.staticConfigs(),
        rules,
        j.metricRelabelConfigs(),
        j.discovery(),
        j.http(),
        j.limits(),
        j.format(),
        j.kubernetesSdConfigs());
  }
}
