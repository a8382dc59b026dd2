package io.scrapestream.ingest.parse;

import java.util.Locale;
import java.util.Optional;

/** The exposition formats Scrapestream parses, and how a scrape response names them. */
public enum ExpositionFormat {
  /** Prometheus text format 0.0.4 ({@code text/plain; version=0.0.4}). */
  PROMETHEUS_TEXT,
  /** OpenMetrics 1.0 text ({@code application/openmetrics-text; version=1.0.0}). */
  OPENMETRICS_TEXT;

  /**
   * The format a {@code Content-Type} header names: {@code text/plain} without a version or with
   * version 0.0.4 is {@link #PROMETHEUS_TEXT}; {@code application/openmetrics-text} without a
   * version or with version 1.0.0 (or the draft 0.0.1) is {@link #OPENMETRICS_TEXT}. Media types
   * and parameter names are case-insensitive. Anything else, including other versions, is empty.
   */
  public static Optional<ExpositionFormat> fromContentType(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    String[] parts = contentType.split(";");
    String mediaType = parts[0].trim().toLowerCase(Locale.ROOT);
    String version = versionOf(parts);
    if (mediaType.equals("text/plain") && (version == null || version.equals("0.0.4"))) {
      return Optional.of(PROMETHEUS_TEXT);
    }
    boolean openMetricsVersion =
        version == null || version.equals("1.0.0") || version.equals("0.0.1");
    if (mediaType.equals("application/openmetrics-text") && openMetricsVersion) {
      return Optional.of(OPENMETRICS_TEXT);
    }
    return Optional.empty();
  }

  private static String versionOf(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim();
      int eq = p.indexOf('=');
      if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase("version")) {
        return p.substring(eq + 1).trim().replace("\"", "");
      }
    }
    return null;
  }

  /** A new parser for this format; keep it for the next scrape of the same target. */
  public ExpositionParser newParser() {
    return switch (this) {
      case PROMETHEUS_TEXT -> new PrometheusTextParser();
      case OPENMETRICS_TEXT -> new OpenMetricsParser();
    };
  }
}
