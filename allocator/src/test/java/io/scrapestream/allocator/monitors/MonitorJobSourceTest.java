package io.scrapestream.allocator.monitors;

import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.core.config.GlobalConfig;
import io.scrapestream.core.config.LabelSelector;
import io.scrapestream.core.config.MonitorKind;
import io.scrapestream.core.config.MonitorSettings;
import io.scrapestream.core.config.ScrapeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MonitorJobSourceTest {
  private static final SecretLookup NO_SECRETS = (ns, name, key) -> Optional.empty();
  private final List<RejectReason> rejected = new ArrayList<>();
  private final List<List<String>> published = new ArrayList<>();

  @Test
  void shouldPublishJobsOfSelectedMonitorsWhenMonitorsComeAndGo() {
    MonitorJobSource source = source(MonitorSettings.MonitorNamespaceSelector.everyNamespace());

    source.upsert(monitor("a", "web", Map.of("release", "prod"), "{}"), NO_SECRETS);
    source.upsert(monitor("a", "db", Map.of("release", "dev"), "{}"), NO_SECRETS);
    source.upsert(monitor("b", "api", Map.of("release", "prod"), "{}"), NO_SECRETS);
    source.delete(monitor("a", "web", Map.of("release", "prod"), "{}"));

    assertThat(published)
        .containsExactly(
            List.of(),
            List.of("serviceMonitor/a/web/0"),
            List.of("serviceMonitor/a/web/0", "serviceMonitor/b/api/0"),
            List.of("serviceMonitor/b/api/0"));
    assertThat(rejected).isEmpty();
  }

  @Test
  void shouldCountAndDropJobsWhenAChangedMonitorIsRefused() {
    MonitorJobSource source = source(MonitorSettings.MonitorNamespaceSelector.everyNamespace());

    source.upsert(monitor("a", "web", Map.of("release", "prod"), "{}"), NO_SECRETS);
    source.upsert(
        monitor("a", "web", Map.of("release", "prod"), "{\"bearerTokenFile\": \"/t\"}"),
        NO_SECRETS);

    assertThat(published).containsExactly(List.of(), List.of("serviceMonitor/a/web/0"), List.of());
    assertThat(rejected).containsExactly(RejectReason.FILE_REFERENCE);
  }

  @Test
  void shouldIgnoreMonitorsWhenTheirNamespaceIsNotSelected() {
    MonitorJobSource source =
        source(
            new MonitorSettings.MonitorNamespaceSelector(
                List.of("a"), false, LabelSelector.everything()));

    source.upsert(monitor("b", "web", Map.of("release", "prod"), "{}"), NO_SECRETS);

    assertThat(published).containsExactly(List.of());
    assertThat(source.all()).isEmpty();
  }

  private MonitorJobSource source(MonitorSettings.MonitorNamespaceSelector namespaces) {
    MonitorSettings settings =
        new MonitorSettings(
            true,
            namespaces,
            LabelSelector.parse("release=prod"),
            Set.of(MonitorKind.SERVICE_MONITOR));
    MonitorJobSource source =
        new MonitorJobSource(
            settings,
            new MonitorScrapeConfigs(GlobalConfig.defaults()),
            ns -> Map.of(),
            rejected::add);
    source.onChange(jobs -> published.add(jobs.stream().map(ScrapeConfig::jobName).toList()));
    return source;
  }

  private static MonitorResource monitor(
      String namespace, String name, Map<String, String> labels, String endpointJson) {
    Map<String, Object> endpoint = new java.util.HashMap<>(Map.of("port", "http"));
    if (endpointJson.contains("bearerTokenFile")) {
      endpoint.put("bearerTokenFile", "/t");
    }
    return new MonitorResource(
        MonitorKind.SERVICE_MONITOR,
        namespace,
        name,
        labels,
        Map.of("endpoints", List.of(endpoint)));
  }
}
