package io.scrapestream.sink.otlp;

import io.scrapestream.schemas.v1.MetricFamilyMetadata;
import io.scrapestream.schemas.v1.MetricType;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.sink.series.SeriesDecoder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The metric families of one batch, from its metadata, and the part each series plays in its
 * family: {@code foo_bucket} is a bucket of histogram {@code foo}, {@code foo_total} the value of
 * counter {@code foo} (OpenMetrics) and so on. A series of no known family is an unknown-typed
 * family of its own.
 */
final class MetricFamilies {

  /** A family as its metadata describes it; help and unit are empty when not given. */
  record Family(String name, MetricType type, String help, String unit) {}

  /** What one series contributes to its family's data point. */
  enum Part {
    VALUE,
    CREATED,
    BUCKET,
    COUNT,
    SUM,
    QUANTILE,
    NATIVE,
    GAUGE_HISTOGRAM
  }

  record Role(Family family, Part part) {}

  private record Suffix(String text, MetricType type, Part part) {}

  private static final List<Suffix> SUFFIXES =
      List.of(
          new Suffix("_total", MetricType.METRIC_TYPE_COUNTER, Part.VALUE),
          new Suffix("_created", MetricType.METRIC_TYPE_COUNTER, Part.CREATED),
          new Suffix("_bucket", MetricType.METRIC_TYPE_HISTOGRAM, Part.BUCKET),
          new Suffix("_count", MetricType.METRIC_TYPE_HISTOGRAM, Part.COUNT),
          new Suffix("_sum", MetricType.METRIC_TYPE_HISTOGRAM, Part.SUM),
          new Suffix("_created", MetricType.METRIC_TYPE_HISTOGRAM, Part.CREATED),
          new Suffix("_count", MetricType.METRIC_TYPE_SUMMARY, Part.COUNT),
          new Suffix("_sum", MetricType.METRIC_TYPE_SUMMARY, Part.SUM),
          new Suffix("_created", MetricType.METRIC_TYPE_SUMMARY, Part.CREATED),
          new Suffix("_bucket", MetricType.METRIC_TYPE_GAUGEHISTOGRAM, Part.GAUGE_HISTOGRAM),
          new Suffix("_gcount", MetricType.METRIC_TYPE_GAUGEHISTOGRAM, Part.GAUGE_HISTOGRAM),
          new Suffix("_gsum", MetricType.METRIC_TYPE_GAUGEHISTOGRAM, Part.GAUGE_HISTOGRAM),
          new Suffix("_info", MetricType.METRIC_TYPE_INFO, Part.VALUE));

  private final Map<String, Family> byName;

  private MetricFamilies(Map<String, Family> byName) {
    this.byName = byName;
  }

  /** The families the batch's metadata names; a family described twice keeps its first entry. */
  static MetricFamilies of(ScrapeBatch batch) {
    Map<String, Family> byName = new HashMap<>();
    for (MetricFamilyMetadata metadata : batch.getMetadataList()) {
      String name = SeriesDecoder.symbol(batch, metadata.getNameRef());
      byName.putIfAbsent(
          name,
          new Family(
              name,
              metadata.getType(),
              SeriesDecoder.symbol(batch, metadata.getHelpRef()),
              SeriesDecoder.symbol(batch, metadata.getUnitRef())));
    }
    return new MetricFamilies(byName);
  }

  /** The family and part of a series named {@code seriesName}. */
  Role resolve(String seriesName, boolean nativeHistogram) {
    Family exact = byName.get(seriesName);
    if (nativeHistogram) {
      Family family = exact == null ? unknown(seriesName) : exact;
      boolean gauge = family.type() == MetricType.METRIC_TYPE_GAUGEHISTOGRAM;
      return new Role(family, gauge ? Part.GAUGE_HISTOGRAM : Part.NATIVE);
    }
    if (exact != null) {
      return exactRole(exact);
    }
    for (Suffix suffix : SUFFIXES) {
      if (seriesName.endsWith(suffix.text())) {
        Family family =
            byName.get(seriesName.substring(0, seriesName.length() - suffix.text().length()));
        if (family != null && family.type() == suffix.type()) {
          return new Role(family, suffix.part());
        }
      }
    }
    return new Role(unknown(seriesName), Part.VALUE);
  }

  /** A series named exactly as its family: a quantile of a summary, else a plain value. */
  private static Role exactRole(Family family) {
    return switch (family.type()) {
      case METRIC_TYPE_SUMMARY -> new Role(family, Part.QUANTILE);
      case METRIC_TYPE_GAUGEHISTOGRAM -> new Role(family, Part.GAUGE_HISTOGRAM);
      case METRIC_TYPE_HISTOGRAM -> new Role(unknown(family.name()), Part.VALUE);
      default -> new Role(family, Part.VALUE);
    };
  }

  private static Family unknown(String name) {
    return new Family(name, MetricType.METRIC_TYPE_UNKNOWN, "", "");
  }
}
