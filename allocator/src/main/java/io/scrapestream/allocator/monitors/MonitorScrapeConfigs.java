package io.scrapestream.allocator.monitors;

import io.scrapestream.core.config.GlobalConfig;
import io.scrapestream.core.config.ScrapeConfig;
import java.util.List;

/**
 * Turns one Prometheus-Operator resource into the jobs prometheus-operator would generate for it.
 * Pure: Secrets come through a {@link SecretLookup}; a monitor that cannot be turned (a file
 * reference, a missing Secret, an invalid field) is refused whole.
 */
public final class MonitorScrapeConfigs {
  private final MonitorJobs endpoints;
  private final MonitorJobs scrapeConfigs;

  /**
   * @param global where an interval or timeout not written comes from
   */
  public MonitorScrapeConfigs(GlobalConfig global) {
    this.endpoints = MonitorJobs.endpoints(global);
    this.scrapeConfigs = new MonitorJobs(global, "scrapeInterval", "metricsPath");
  }

  /**
   * The jobs of {@code monitor}, in order.
   *
   * @throws MonitorRejectedException naming the field and what was found
   */
  public List<ScrapeConfig> jobs(MonitorResource monitor, SecretLookup secrets) {
    SpecTree spec = new SpecTree(monitor.describe() + ": spec", monitor.spec());
    MonitorHttp.refuseFiles(spec.path(), spec.values());
    MonitorHttp http = new MonitorHttp(monitor.namespace(), secrets);
    try {
      return jobs(monitor, spec, http);
    } catch (IllegalArgumentException e) {
      throw new MonitorRejectedException(RejectReason.INVALID, spec.path() + ": " + e.getMessage());
    }
  }

  private List<ScrapeConfig> jobs(MonitorResource monitor, SpecTree spec, MonitorHttp http) {
    return switch (monitor.kind()) {
      case SERVICE_MONITOR ->
          each(ServiceMonitorJobs.parts(monitor, spec), spec, "endpoints", http);
      case POD_MONITOR ->
          each(PodMonitorJobs.parts(monitor, spec), spec, "podMetricsEndpoints", http);
      case PROBE ->
          List.of(
              endpoints.build(
                  spec,
                  StaticMonitorJobs.probeEndpoint(spec),
                  StaticMonitorJobs.probe(monitor, spec),
                  http));
      case SCRAPE_CONFIG ->
          List.of(
              scrapeConfigs.build(spec, spec, StaticMonitorJobs.scrapeConfig(monitor, spec), http));
    };
  }

  private List<ScrapeConfig> each(
      List<MonitorJobs.Parts> parts, SpecTree spec, String key, MonitorHttp http) {
    List<SpecTree> items = spec.trees(key);
    return java.util.stream.IntStream.range(0, parts.size())
        .mapToObj(i -> endpoints.build(spec, items.get(i), parts.get(i), http))
        .toList();
  }
}
