package io.scrapestream.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigLoaderMonitorsTest {

  @Test
  void shouldBeDisabledWithEveryKindWhenMonitorsSectionIsMissing() throws Exception {
    MonitorSettings monitors = load("").allocator().monitors();

    assertThat(monitors).isEqualTo(MonitorSettings.disabled());
    assertThat(monitors.kinds())
        .containsExactlyInAnyOrder(
            MonitorKind.SERVICE_MONITOR,
            MonitorKind.POD_MONITOR,
            MonitorKind.SCRAPE_CONFIG,
            MonitorKind.PROBE);
    assertThat(monitors.namespaceSelector().matches("any-ns", Map.of())).isTrue();
  }

  @Test
  void shouldReadEveryKeyWhenMonitorsSectionSetsThem() throws Exception {
    MonitorSettings monitors =
        load("""
                allocator:
                  monitors:
                    enabled: true
                    namespace_selector:
                      match_names: [team-a, team-b]
                    monitor_selector: "release=prod"
                    kinds: [ServiceMonitor, PodMonitor]
                """)
            .allocator()
            .monitors();

    assertThat(monitors.enabled()).isTrue();
    assertThat(monitors.namespaceSelector().matchNames()).containsExactly("team-a", "team-b");
    assertThat(monitors.namespaceSelector().any()).isFalse();
    assertThat(monitors.namespaceSelector().matches("team-b", Map.of())).isTrue();
    assertThat(monitors.namespaceSelector().matches("team-c", Map.of())).isFalse();
    assertThat(monitors.monitorSelector().matches(Map.of("release", "prod"))).isTrue();
    assertThat(monitors.monitorSelector().matches(Map.of("release", "dev"))).isFalse();
    assertThat(monitors.kinds())
        .isEqualTo(Set.of(MonitorKind.SERVICE_MONITOR, MonitorKind.POD_MONITOR));
  }

  @Test
  void shouldSelectNamespacesByLabelWhenLabelSelectorIsSet() throws Exception {
    MonitorSettings.MonitorNamespaceSelector selector =
        load("""
                allocator:
                  monitors:
                    namespace_selector: {label_selector: "monitoring=on"}
                """)
            .allocator()
            .monitors()
            .namespaceSelector();

    assertThat(selector.any()).isFalse();
    assertThat(selector.matches("x", Map.of("monitoring", "on"))).isTrue();
    assertThat(selector.matches("x", Map.of("monitoring", "off"))).isFalse();
  }

  @Test
  void shouldReportEachProblemWithItsPathWhenMonitorsSectionIsWrong() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                load(
                    """
                    allocator:
                      monitors:
                        enabled: true
                        namespace_selector: {match_names: [""], colour: red}
                        monitor_selector: "a in"
                        kinds: [ServiceMonitor, Alertmanager]
                        extra: 1
                    """));

    assertThat(e.problems())
        .containsExactly(
            "allocator.monitors.namespace_selector.match_names[0]: must not be empty. Found: \"\"",
            "allocator.monitors.namespace_selector.colour: unknown key. Expected one of:"
                + " match_names, label_selector, any",
            "allocator.monitors.monitor_selector: must be a label selector: expected \"(\" after"
                + " the operator of \"a\", found the end in \"a in\". Found: \"a in\"",
            "allocator.monitors.kinds[1]: must be one of: ServiceMonitor, PodMonitor, ScrapeConfig,"
                + " Probe. Found: \"Alertmanager\"",
            "allocator.monitors.extra: unknown key. Expected one of: enabled, namespace_selector,"
                + " monitor_selector, kinds");
  }

  @Test
  void shouldReportEmptyKindsWhenEnabledWithoutKinds() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () -> load("allocator:\n  monitors:\n    enabled: true\n    kinds: []\n"));

    assertThat(e.problems())
        .isEqualTo(List.of("allocator.monitors.kinds: must not be empty when enabled. Found: []"));
  }

  private static ScrapestreamConfig load(String yaml) throws ConfigException {
    return ConfigLoader.load(yaml, "test.yaml", Map.of());
  }
}
