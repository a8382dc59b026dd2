package io.scrapestream.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Grafana dashboard and the alerts: valid for Prometheus, and only on metrics that exist. */
class MonitoringTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TempDir Path dir;

  @Test
  void shouldShipTheDashboardInALabelledConfigMapWhenDefaults() throws Exception {
    ConfigMap map =
        Chart.ofKind(Chart.defaults(), ConfigMap.class).stream()
            .filter(cm -> cm.getMetadata().getName().equals("ss-scrapestream-dashboard"))
            .findFirst()
            .orElseThrow();

    assertThat(map.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
    JsonNode dashboard = JSON.readTree(map.getData().get("scrapestream.json"));
    assertThat(dashboard).isEqualTo(dashboardFile());
    assertThat(rows(dashboard))
        .containsExactly(
            "Scrape health",
            "Throughput per stage",
            "Consumer lag",
            "Dead letters and drops",
            "Allocator",
            "JVM");
  }

  @Test
  void shouldQueryOnlyMetricsTheRolesExposeWhenDashboardAndAlerts() throws Exception {
    Set<String> queried = new TreeSet<>();
    expressions(dashboardFile()).forEach(e -> queried.addAll(PromQl.metricNames(e)));
    alertRules().forEach(rule -> queried.addAll(PromQl.metricNames((String) rule.get("expr"))));

    Set<String> missing = new TreeSet<>(queried);
    missing.removeAll(ExposedMetrics.seriesNames());

    assertThat(missing).isEmpty();
    assertThat(queried).hasSizeGreaterThanOrEqualTo(20);
  }

  @Test
  void shouldPassPromtoolWhenAlertsAreChecked() throws Exception {
    Path rules = dir.resolve("alerts.yaml");
    YAML.writeValue(
        rules.toFile(),
        Map.of("groups", List.of(Map.of("name", "scrapestream", "rules", alertRules()))));

    Promtool.Result result = Promtool.run("check", "rules", rules.toString());

    assertThat(result.output()).isEqualTo("Checking " + rules + "\n  SUCCESS: 4 rules found\n\n");
    assertThat(result.exitCode()).isZero();
    assertThat(alertRules())
        .extracting(rule -> rule.get("alert"))
        .containsExactly(
            "ScrapestreamSinkLagHigh",
            "ScrapestreamDeadLettersGrowing",
            "ScrapestreamScrapeFailures",
            "ScrapestreamAllocatorNoReadyScrapers");
  }

  @Test
  void shouldParseEveryDashboardQueryWithPromtool() throws Exception {
    List<String> expressions = expressions(dashboardFile());
    List<Map<String, String>> records = new ArrayList<>();
    for (int i = 0; i < expressions.size(); i++) {
      String expr =
          expressions.get(i).replace("$__rate_interval", "5m").replace("$namespace", "metrics");
      records.add(Map.of("record", "dashboard:query_" + i, "expr", expr));
    }
    Path rules = dir.resolve("dashboard.yaml");
    YAML.writeValue(
        rules.toFile(), Map.of("groups", List.of(Map.of("name", "dashboard", "rules", records))));

    Promtool.Result result = Promtool.run("check", "rules", rules.toString());

    assertThat(result.output())
        .isEqualTo("Checking " + rules + "\n  SUCCESS: " + expressions.size() + " rules found\n\n");
  }

  @Test
  void shouldFireTheAllocatorAlertWhenTargetsExistButNoScraperIsReady() throws Exception {
    Path rules = dir.resolve("alerts.yaml");
    YAML.writeValue(
        rules.toFile(),
        Map.of("groups", List.of(Map.of("name", "scrapestream", "rules", alertRules()))));
    Path tests = dir.resolve("tests.yaml");
    Files.copy(
        Path.of(getClass().getResource("/alerts-no-ready-scrapers.test.yaml").toURI()), tests);
    Promtool.Result result = Promtool.run("test", "rules", tests.toString());

    assertThat(result.output()).isEqualTo("Unit Testing:  " + tests + "\n  SUCCESS\n\n");
    assertThat(result.exitCode()).isZero();
  }

  private static JsonNode dashboardFile() throws Exception {
    return JSON.readTree(Chart.DIR.resolve("files/dashboards/scrapestream.json").toFile());
  }

  private static List<String> rows(JsonNode dashboard) {
    List<String> rows = new ArrayList<>();
    dashboard
        .get("panels")
        .forEach(
            p -> {
              if (p.get("type").asText().equals("row")) {
                rows.add(p.get("title").asText());
              }
            });
    return rows;
  }

  private static List<String> expressions(JsonNode dashboard) {
    List<String> exprs = new ArrayList<>();
    dashboard
        .get("panels")
        .forEach(
            p -> {
              if (p.has("targets")) {
                p.get("targets").forEach(t -> exprs.add(t.get("expr").asText()));
              }
            });
    dashboard
        .get("templating")
        .get("list")
        .forEach(
            v -> {
              if (v.has("definition")) {
                exprs.add(
                    v.get("definition")
                        .asText()
                        .replaceAll("^label_values\\((.*), *\\w+\\)$", "$1"));
              }
            });
    return exprs;
  }

  /** The rules of the rendered PrometheusRule, as promtool reads them. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> alertRules() {
    List<HasMetadata> resources = Chart.defaults();
    GenericKubernetesResource rule =
        resources.stream()
            .filter(r -> r.getKind().equals("PrometheusRule"))
            .map(GenericKubernetesResource.class::cast)
            .findFirst()
            .orElseThrow();
    Map<String, Object> spec = (Map<String, Object>) rule.getAdditionalProperties().get("spec");
    Map<String, Object> group = ((List<Map<String, Object>>) spec.get("groups")).get(0);
    return (List<Map<String, Object>>) group.get("rules");
  }
}
