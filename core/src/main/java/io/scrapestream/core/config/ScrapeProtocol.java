package io.scrapestream.core.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The exposition formats a scrape can negotiate, named as in Prometheus's {@code scrape_protocols}
 * and {@code fallback_scrape_protocol}. The parser for each lives in {@code ingest.parse}.
 */
public enum ScrapeProtocol {
  PROMETHEUS_PROTO("PrometheusProto"),
  OPENMETRICS_TEXT_1_0_0("OpenMetricsText1.0.0"),
  OPENMETRICS_TEXT_0_0_1("OpenMetricsText0.0.1"),
  PROMETHEUS_TEXT_1_0_0("PrometheusText1.0.0"),
  PROMETHEUS_TEXT_0_0_4("PrometheusText0.0.4");

  /**
   * Prometheus 3's default {@code scrape_protocols} when native histograms are not scraped: the
   * text formats, OpenMetrics first.
   */
  public static final List<ScrapeProtocol> DEFAULT_ORDER =
      List.of(
          OPENMETRICS_TEXT_1_0_0,
          OPENMETRICS_TEXT_0_0_1,
          PROMETHEUS_TEXT_1_0_0,
          PROMETHEUS_TEXT_0_0_4);

  private final String configName;

  ScrapeProtocol(String configName) {
    this.configName = configName;
  }

  /** The name used in the YAML, e.g. {@code PrometheusText0.0.4}. */
  public String configName() {
    return configName;
  }

  /** The protocol whose {@link #configName()} is {@code name}, if any. */
  public static Optional<ScrapeProtocol> fromConfigName(String name) {
    return Arrays.stream(values()).filter(p -> p.configName.equals(name)).findFirst();
  }

  /** All config names, in declaration order. */
  public static List<String> configNames() {
    return Arrays.stream(values()).map(ScrapeProtocol::configName).toList();
  }
}
