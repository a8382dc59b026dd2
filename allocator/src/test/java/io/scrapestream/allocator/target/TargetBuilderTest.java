package io.scrapestream.allocator.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.core.config.ScrapeConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TargetBuilderTest {
  static final ScrapeConfig JOB =
      new ScrapeConfig(
          "node",
          Duration.ofSeconds(30),
          Duration.ofSeconds(10),
          "/metrics",
          "http",
          Map.of("module", List.of("http_2xx", "ignored")),
          false,
          true,
          List.of());

  private final TargetBuilder identity = new TargetBuilder(TargetRelabeling.IDENTITY);

  @Test
  void shouldAddJobLabelsAndInstanceAndRemoveMetaWhenRelabelingIsIdentity() {
    Target target =
        built(identity.build(JOB, Map.of("env", "dev", "__meta_filepath", "/sd/a.json"), Map.of("__address__", "10.0.0.1:9100")));

    assertThat(target.labels().asMap())
        .containsExactlyEntriesOf(
            new TreeMap<>(
                Map.of(
                    "__address__", "10.0.0.1:9100",
                    "__metrics_path__", "/metrics",
                    "__param_module", "http_2xx",
                    "__scheme__", "http",
                    "__scrape_interval__", "30s",
                    "__scrape_timeout__", "10s",
                    "env", "dev",
                    "instance", "10.0.0.1:9100",
                    "job", "node")));
    assertThat(target.discoveredLabels().asMap())
        .isEqualTo(Map.of("__address__", "10.0.0.1:9100", "env", "dev", "__meta_filepath", "/sd/a.json"));
    assertThat(target.key()).isEqualTo("http://10.0.0.1:9100/metrics?module=http_2xx&module=ignored");
    assertThat(target.job()).isEqualTo("node");
  }

  @Test
  void shouldLetTargetLabelsWinOverGroupLabelsAndKeepSetJobLabelsWhenBothAreSet() {
    Target target =
        built(
            identity.build(
                JOB,
                Map.of("env", "group", "__scheme__", "https", "instance", ""),
                Map.of("__address__", "a:1", "env", "target", "job", "other", "__param_module", "tcp")));

    assertThat(target.labels().get("env")).isEqualTo("target");
    assertThat(target.labels().get("job")).isEqualTo("other");
    assertThat(target.labels().get("instance")).isEqualTo("a:1");
    assertThat(target.key()).isEqualTo("https://a:1/metrics?module=tcp&module=ignored");
  }

  @Test
  void shouldUseRelabeledLabelsForIdentityWhenRelabelingRewritesTheAddress() {
    TargetBuilder builder =
        new TargetBuilder(
            (job, labels) -> {
              TreeMap<String, String> out = new TreeMap<>(labels);
              out.put("__address__", labels.get("__meta_host") + ":9100");
              out.put("__metrics_path__", "/probe");
              return Optional.of(out);
            });

    Target target = built(builder.build(JOB, Map.of(), Map.of("__address__", "x:1", "__meta_host", "h")));

    assertThat(target.key()).isEqualTo("http://h:9100/probe?module=http_2xx&module=ignored");
    assertThat(target.labels().get("instance")).isEqualTo("h:9100");
    assertThat(target.discoveredLabels().get("__address__")).isEqualTo("x:1");
  }

  @Test
  void shouldDropTheTargetWhenRelabelingDropsIt() {
    TargetBuilder dropping = new TargetBuilder((job, labels) -> Optional.empty());

    assertThat(dropping.build(JOB, Map.of(), Map.of("__address__", "a:1")))
        .isEqualTo(new BuildOutcome.Dropped());
  }

  @Test
  void shouldReportWhyWhenTheLabelsDoNotMakeATarget() {
    assertThat(identity.build(JOB, Map.of(), Map.of("__address__", "")))
        .isEqualTo(new BuildOutcome.Invalid("no address"));
    assertThat(identity.build(JOB, Map.of(), Map.of("__address__", "a:1/x")))
        .isEqualTo(new BuildOutcome.Invalid("\"a:1/x\" is not a valid hostname"));
    assertThat(identity.build(JOB, Map.of(), Map.of("__address__", "a:1", "__scrape_interval__", "soon")))
        .isEqualTo(new BuildOutcome.Invalid("error parsing scrape interval: \"soon\""));
    assertThat(identity.build(JOB, Map.of(), Map.of("__address__", "a:1", "__scrape_interval__", "0")))
        .isEqualTo(new BuildOutcome.Invalid("scrape interval cannot be 0"));
    assertThat(identity.build(JOB, Map.of(), Map.of("__address__", "a:1", "__scrape_timeout__", "1m")))
        .isEqualTo(
            new BuildOutcome.Invalid(
                "scrape timeout cannot be greater than scrape interval (\"1m\" > \"30s\")"));
  }

  static Target built(BuildOutcome outcome) {
    assertThat(outcome).isInstanceOf(BuildOutcome.Built.class);
    return ((BuildOutcome.Built) outcome).target();
  }
}
