package io.scrapestream.ingest.assign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scrapestream.core.config.ScrapeConfig;
import io.scrapestream.core.target.ScrapeTarget;
import io.scrapestream.core.target.TargetKey;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AssignedTargetsTest {
  private static final ScrapeConfig JOB =
      new ScrapeConfig(
          "blackbox",
          Duration.ofSeconds(30),
          Duration.ofSeconds(10),
          "/probe",
          "http",
          params(),
          true,
          false,
          List.of());

  private static Map<String, List<String>> params() {
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("module", List.of("http_2xx"));
    params.put("target", List.of("x", "y"));
    return params;
  }

  @Test
  void shouldBuildTargetFromFinalLabelsWhenAllocatorRelabeled() throws Exception {
    ScrapeTarget target =
        AssignedTargets.of(
            JOB,
            new TreeMap<>(
                Map.of(
                    "__address__", "exporter:9115",
                    "__scheme__", "https",
                    "__scrape_interval__", "15s",
                    "__param_target", "example.org",
                    "job", "blackbox",
                    "instance", "example.org",
                    "team", "web")));

    Map<String, List<String>> params =
        Map.of("module", List.of("http_2xx"), "target", List.of("example.org", "y"));
    assertThat(target)
        .isEqualTo(
            new ScrapeTarget(
                TargetKey.of("blackbox", "exporter:9115", "/probe", "https", params),
                "blackbox",
                URI.create(
                    "https://exporter:9115/probe?module=http_2xx&target=example.org&target=y"),
                new TreeMap<>(Map.of("job", "blackbox", "instance", "example.org", "team", "web")),
                Duration.ofSeconds(15),
                Duration.ofSeconds(10),
                true,
                false));
  }

  @Test
  void shouldRefuseTargetWhenIntervalLabelIsNotADuration() {
    assertThatThrownBy(
            () ->
                AssignedTargets.of(
                    JOB, new TreeMap<>(Map.of("__address__", "a:1", "__scrape_interval__", "x"))))
        .isInstanceOf(PollException.class)
        .hasMessage("job blackbox: __scrape_interval__ must be a positive duration. Found: \"x\"");
  }

  @Test
  void shouldRefuseTargetWhenTimeoutExceedsInterval() {
    assertThatThrownBy(
            () ->
                AssignedTargets.of(
                    JOB, new TreeMap<>(Map.of("__address__", "a:1", "__scrape_timeout__", "1m"))))
        .isInstanceOf(PollException.class)
        .hasMessage(
            "job blackbox: labels must make a scrape target (timeout must be positive and at most"
                + " the interval (PT30S). Found: PT1M). Found: \"a:1\"");
  }

  @Test
  void shouldRefuseTargetWhenSchemeIsNotHttp() {
    assertThatThrownBy(
            () ->
                AssignedTargets.of(
                    JOB, new TreeMap<>(Map.of("__address__", "a:1", "__scheme__", "ftp"))))
        .isInstanceOf(PollException.class)
        .hasMessage("job blackbox: __scheme__ must be http or https. Found: \"ftp\"");
  }

  @Test
  void shouldReadJobsInOrderWhenScrapeConfigsAreAnObject() throws Exception {
    byte[] body = "{\"b\":{\"job_name\":\"b\"},\"a\":{\"job_name\":\"a\"}}".getBytes();

    assertThat(AssignmentJson.jobs(body))
        .containsExactly(
            Map.entry("b", "{\"job_name\":\"b\"}"), Map.entry("a", "{\"job_name\":\"a\"}"));
  }

  @Test
  void shouldGiveEachTargetItsAddressWhenGroupHasSeveral() throws Exception {
    byte[] body =
        "[{\"targets\":[\"a:1\",\"b:2\"],\"labels\":{\"x\":\"1\"}}]"
            .getBytes(StandardCharsets.UTF_8);

    assertThat(AssignmentJson.targets("j", body))
        .containsExactly(
            new TreeMap<>(Map.of("__address__", "a:1", "x", "1")),
            new TreeMap<>(Map.of("__address__", "b:2", "x", "1")));
  }

  @Test
  void shouldRefuseGroupWhenLabelIsNotAString() {
    byte[] body = "[{\"targets\":[\"a:1\"],\"labels\":{\"x\":1}}]".getBytes();

    assertThatThrownBy(() -> AssignmentJson.targets("j", body))
        .isInstanceOf(PollException.class)
        .hasMessage("targets of job j: label x must be a string. Found: 1");
  }

  @Test
  void shouldReadEveryScrapeConfigKeyWhenJobComesFromAllocator() throws Exception {
    ScrapeConfig job =
        JobConfigs.read(
            "n",
            "{\"job_name\":\"n\",\"scrape_interval\":\"20s\",\"sample_limit\":7,"
                + "\"metric_relabel_configs\":[{\"action\":\"drop\",\"regex\":\"go_.*\","
                + "\"source_labels\":[\"__name__\"]}],\"params\":{\"p\":[\"${env:HOME}\"]}}");

    assertThat(job.scrapeInterval()).isEqualTo(Duration.ofSeconds(20));
    assertThat(job.limits().sampleLimit()).isEqualTo(7);
    assertThat(job.metricRelabelConfigs()).hasSize(1);
    assertThat(job.params()).isEqualTo(Map.of("p", List.of("${env:HOME}")));
  }

  @Test
  void shouldNameJobAndKeyWhenAllocatorsConfigIsRefused() {
    assertThatThrownBy(
            () -> JobConfigs.read("n", "{\"job_name\":\"n\",\"scrape_interva\":\"20s\"}"))
        .isInstanceOf(PollException.class)
        .hasMessageStartingWith("job n: scrape_interva: unknown key. Expected one of: job_name,");
  }
}
