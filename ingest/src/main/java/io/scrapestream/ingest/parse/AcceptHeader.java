package io.scrapestream.ingest.parse;

import io.scrapestream.core.config.ScrapeProtocol;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code Accept} header of a scrape, built from a {@code scrape_protocols} order as Prometheus
 * 3 builds it ({@code scrape/scrape.go} {@code acceptHeader}): each protocol's media range with
 * weights {@code q=0.6} downwards in order, then {@code *}{@code /*} with the next weight down. The
 * two 1.0.0 text formats also carry {@code escaping=underscores}: our text parsers read the classic
 * metric and label name syntax, so we ask targets to escape other names the way Prometheus does for
 * a job with {@code metric_name_validation_scheme: legacy}.
 */
public final class AcceptHeader {

  /** The escaping scheme requested for the 1.0.0 text formats. */
  public static final String ESCAPING = "underscores";

  /** The header for Prometheus 3's default order, {@link ScrapeProtocol#DEFAULT_ORDER}. */
  public static final String DEFAULT = of(ScrapeProtocol.DEFAULT_ORDER);

  private AcceptHeader() {}

  /**
   * The header for {@code protocols}, most preferred first.
   *
   * @throws IllegalArgumentException if {@code protocols} is empty or names a protocol twice
   */
  public static String of(List<ScrapeProtocol> protocols) {
    if (protocols.isEmpty()) {
      throw new IllegalArgumentException("scrape_protocols: must not be empty. Found: []");
    }
    Set<ScrapeProtocol> seen = EnumSet.noneOf(ScrapeProtocol.class);
    StringBuilder header = new StringBuilder();
    int weight = ScrapeProtocol.values().length + 1;
    for (ScrapeProtocol protocol : protocols) {
      if (!seen.add(protocol)) {
        throw new IllegalArgumentException(
            "scrape_protocols: must not name a protocol twice. Found: "
                + protocol.configName()
                + " again");
      }
      header.append(mediaRange(protocol)).append(";q=0.").append(weight--).append(',');
    }
    return header.append("*/*;q=0.").append(weight).toString();
  }

  /** The media range that asks for {@code protocol}, without a weight. */
  static String mediaRange(ScrapeProtocol protocol) {
    return switch (protocol) {
      case PROMETHEUS_PROTO ->
          "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited";
      case PROMETHEUS_TEXT_0_0_4 -> "text/plain;version=0.0.4";
      case PROMETHEUS_TEXT_1_0_0 -> "text/plain;version=1.0.0;escaping=" + ESCAPING;
      case OPENMETRICS_TEXT_0_0_1 -> "application/openmetrics-text;version=0.0.1";
      case OPENMETRICS_TEXT_1_0_0 ->
          "application/openmetrics-text;version=1.0.0;escaping=" + ESCAPING;
    };
  }
}
