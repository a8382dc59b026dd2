package io.scrapestream.ingest.scrape;

import io.scrapestream.core.config.ScrapeFormat;
import io.scrapestream.ingest.parse.ExpositionFormat;
import io.scrapestream.ingest.parse.ExpositionParser;
import io.scrapestream.ingest.parse.UnsupportedContentTypeException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The parser for a response's {@code Content-Type}, or for the job's {@code
 * fallback_scrape_protocol} when the type is blank or unknown, with Prometheus's errors when
 * neither applies. Keeps one parser per format, so that repeated scrapes of a target reuse the
 * parser's intern cache. Not thread-safe.
 */
final class Parsers {
  private final ScrapeFormat format;
  private final Map<ExpositionFormat, ExpositionParser> parsers =
      new EnumMap<>(ExpositionFormat.class);

  Parsers(ScrapeFormat format) {
    this.format = format;
  }

  ExpositionParser forContentType(String contentType) throws ScrapeException {
    ExpositionFormat chosen;
    try {
      chosen = ExpositionFormat.fromContentType(contentType, format.fallbackProtocol());
    } catch (UnsupportedContentTypeException e) {
      throw new ScrapeException(e.getMessage());
    }
    return parsers.computeIfAbsent(chosen, f -> f.newParser(format.classicHistograms()));
  }
}
