package io.scrapestream.core.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A Prometheus-Operator resource kind the allocator turns into scrape configs. */
public enum MonitorKind {
  SERVICE_MONITOR("ServiceMonitor", "v1", "servicemonitors"),
  POD_MONITOR("PodMonitor", "v1", "podmonitors"),
  SCRAPE_CONFIG("ScrapeConfig", "v1alpha1", "scrapeconfigs"),
  PROBE("Probe", "v1", "probes");

  /** The API group of every monitor kind. */
  public static final String GROUP = "monitoring.coreos.com";

  private final String configName;
  private final String version;
  private final String plural;

  MonitorKind(String configName, String version, String plural) {
    this.configName = configName;
    this.version = version;
    this.plural = plural;
  }

  /** The kind as Kubernetes and the configuration spell it, e.g. {@code ServiceMonitor}. */
  public String configName() {
    return configName;
  }

  /** The API version within {@link #GROUP}, e.g. {@code v1}. */
  public String version() {
    return version;
  }

  /** The resource's plural name, e.g. {@code servicemonitors}. */
  public String plural() {
    return plural;
  }

  public static Optional<MonitorKind> fromConfigName(String name) {
    return Arrays.stream(values()).filter(k -> k.configName.equals(name)).findFirst();
  }

  public static List<String> configNames() {
    return Arrays.stream(values()).map(MonitorKind::configName).toList();
  }
}
