package io.scrapestream.ingest.parse;

/** The type of a metric family, as declared by a {@code # TYPE} line. */
public enum MetricType {
  COUNTER,
  GAUGE,
  HISTOGRAM,
  GAUGEHISTOGRAM,
  SUMMARY,
  INFO,
  STATESET,
  /** OpenMetrics {@code unknown}, also the type of an OpenMetrics family without a TYPE line. */
  UNKNOWN,
  /** Prometheus text {@code untyped}. */
  UNTYPED
}
