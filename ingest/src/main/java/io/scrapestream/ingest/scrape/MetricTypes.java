package io.scrapestream.ingest.scrape;

import io.scrapestream.ingest.parse.MetricType;

/** Maps the parsers' metric types onto the record contract's. */
final class MetricTypes {
  private MetricTypes() {}

  static io.scrapestream.schemas.v1.MetricType toProto(MetricType type) {
    return switch (type) {
      case COUNTER -> io.scrapestream.schemas.v1.MetricType.METRIC_TYPE_COUNTER;
      case GAUGE -> io.scrapestream.schemas.v1.MetricType.METRIC_TYPE_GAUGE;
      case HISTOGRAM -> io.scrapestream.schemas.v1.MetricType.METRIC_TYPE_HISTOGRAM;
      case GAUGEHISTOGRAM -> io.scrapestream.schemas.v1.MetricType.METRIC_TYPE_GAUGEHISTOGRAM;
      case SUMMARY -> io.scrapestream.schemas.v1.MetricType.METRIC_TYPE_SUMMARY;
      case INFO -> io.scrapestream.schemas.v1.MetricType.METRIC_TYPE_INFO;
      case STATESET -> io.scrapestream.schemas.v1.MetricType.METRIC_TYPE_STATESET;
      case UNKNOWN, UNTYPED -> io.scrapestream.schemas.v1.MetricType.METRIC_TYPE_UNKNOWN;
    };
  }
}
