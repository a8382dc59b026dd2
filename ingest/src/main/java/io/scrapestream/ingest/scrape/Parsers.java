package io.scrapestream.ingest.scrape;

import io.scrapestream.core.config.ScrapeProtocol;
import io.scrapestream.ingest.parse.ExpositionFormat;
import io.scrapestream.ingest.parse.ExpositionParser;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The parser for a response's {@code Content-Type}, or for the job's {@code
 * fallback_scrape_protocol} when the type is blank or unknown, with Prometheus's errors when
 * neither applies. Keeps one parser per format, so that repeated scrapes of a target reuse the
 * parser's intern cache. Not thread-safe.
 */
final class Parsers {
  private final Optional<ScrapeProtocol> fallback;
  private final Map<ExpositionFormat, ExpositionParser> parsers =
      new EnumMap<>(ExpositionFormat.class);

  Parsers(Optional<ScrapeProtocol> fallback) {
    this.fallback = fallback;
  }

  ExpositionParser forContentType(String contentType) throws ScrapeException {
    Optional<ExpositionFormat> format =
        ExpositionFormat.fromContentType(contentType)
            .or(() -> fallback.flatMap(p -> ExpositionFormat.fromContentType(mediaType(p))));
    if (format.isPresent()) {
      return parsers.computeIfAbsent(format.get(), ExpositionFormat::newParser);
    }
    if (fallback.isPresent()) {
      throw new ScrapeException(
          "received unsupported Content-Type \""
              + contentType
              + "\" and fallback_scrape_protocol "
              + fallback.get().configName()
              + " has no parser");
    }
    if (contentType.isBlank()) {
      throw new ScrapeException(
          "non-compliant scrape target sending blank Content-Type and no"
              + " fallback_scrape_protocol specified for target");
    }
    throw new ScrapeException(
        "received unsupported Content-Type \""
            + contentType
            + "\" and no fallback_scrape_protocol specified for target");
  }

  /** The media type of a protocol, as Prometheus's {@code HeaderMediaType} (no version). */
  static String mediaType(ScrapeProtocol protocol) {
    return switch (protocol) {
      case PROMETHEUS_PROTO -> "application/vnd.google.protobuf";
      case OPENMETRICS_TEXT_1_0_0, OPENMETRICS_TEXT_0_0_1 -> "application/openmetrics-text";
      case PROMETHEUS_TEXT_1_0_0, PROMETHEUS_TEXT_0_0_4 -> "text/plain";
    };
  }
}
