package io.scrapestream.ingest.parse;

import io.scrapestream.core.config.ScrapeProtocol;
import java.util.Optional;

/** The exposition formats Scrapestream parses, and how a scrape response names them. */
public enum ExpositionFormat {
  /** Prometheus text format ({@code text/plain}, versions 0.0.4 and 1.0.0). */
  PROMETHEUS_TEXT,
  /** OpenMetrics text ({@code application/openmetrics-text}, versions 1.0.0 and 0.0.1). */
  OPENMETRICS_TEXT,
  /**
   * Prometheus protobuf: length-delimited {@code io.prometheus.client.MetricFamily} messages
   * ({@code application/vnd.google.protobuf}).
   */
  PROMETHEUS_PROTOBUF;

  /**
   * The format of a scrape response, chosen as Prometheus 3 chooses its parser: by the media type
   * of {@code Content-Type} alone (case-insensitive; parameters such as {@code version} are not
   * looked at). A blank, unparsable or unknown content type fails unless {@code fallback} names the
   * protocol to assume, as {@code fallback_scrape_protocol} does.
   *
   * @throws UnsupportedContentTypeException with Prometheus's message, for example {@code received
   *     unsupported Content-Type "application/json" and no fallback_scrape_protocol specified for
   *     target}
   */
  public static ExpositionFormat fromContentType(
      String contentType, Optional<ScrapeProtocol> fallback)
      throws UnsupportedContentTypeException {
    if (contentType == null || contentType.isEmpty()) {
      return fallback
          .map(ExpositionFormat::of)
          .orElseThrow(
              () ->
                  new UnsupportedContentTypeException(
                      "non-compliant scrape target sending blank Content-Type and no"
                          + " fallback_scrape_protocol specified for target"));
    }
    String mediaType;
    try {
      mediaType = MediaTypes.parse(contentType);
    } catch (IllegalArgumentException e) {
      return fallback.map(ExpositionFormat::of).orElseThrow(() -> unparsable(contentType, e));
    }
    return switch (mediaType) {
      case "text/plain" -> PROMETHEUS_TEXT;
      case "application/openmetrics-text" -> OPENMETRICS_TEXT;
      case "application/vnd.google.protobuf" -> PROMETHEUS_PROTOBUF;
      default ->
          fallback
              .map(ExpositionFormat::of)
              .orElseThrow(
                  () ->
                      new UnsupportedContentTypeException(
                          "received unsupported Content-Type "
                              + MediaTypes.quote(contentType)
                              + " and no fallback_scrape_protocol specified for target"));
    };
  }

  private static UnsupportedContentTypeException unparsable(String contentType, Exception e) {
    return new UnsupportedContentTypeException(
        "cannot parse Content-Type "
            + MediaTypes.quote(contentType)
            + " and no fallback_scrape_protocol for target: "
            + e.getMessage());
  }

  /** The format a {@code scrape_protocols} entry asks for. */
  public static ExpositionFormat of(ScrapeProtocol protocol) {
    return switch (protocol) {
      case PROMETHEUS_PROTO -> PROMETHEUS_PROTOBUF;
      case OPENMETRICS_TEXT_1_0_0, OPENMETRICS_TEXT_0_0_1 -> OPENMETRICS_TEXT;
      case PROMETHEUS_TEXT_1_0_0, PROMETHEUS_TEXT_0_0_4 -> PROMETHEUS_TEXT;
    };
  }

  /**
   * A new parser for this format, without {@code scrape_classic_histograms}; keep it for the next
   * scrape of the same target.
   */
  public ExpositionParser newParser() {
    return newParser(false);
  }

  /**
   * A new parser for this format; keep it for the next scrape of the same target.
   *
   * @param scrapeClassicHistograms protobuf only: also produce the classic {@code _bucket}, {@code
   *     _sum} and {@code _count} series of a histogram that has a native part
   */
  public ExpositionParser newParser(boolean scrapeClassicHistograms) {
    return switch (this) {
      case PROMETHEUS_TEXT -> new PrometheusTextParser();
      case OPENMETRICS_TEXT -> new OpenMetricsParser();
      case PROMETHEUS_PROTOBUF -> new ProtobufParser(scrapeClassicHistograms);
    };
  }
}
