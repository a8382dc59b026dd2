package io.scrapestream.sink.remotewrite;

import io.scrapestream.schemas.v1.MetricFamilyMetadata;
import io.scrapestream.schemas.v1.MetricType;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.sink.series.SeriesDecoder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The metric family metadata of one batch, found by the name of a series: the family's own name, or
 * the name with the suffix its type gives its series ({@code _total} of a counter, {@code _bucket},
 * {@code _sum}, {@code _count} of a histogram, ...), as OpenMetrics defines them.
 */
final class MetricFamilies {
  private static final Map<MetricType, List<String>> SUFFIXES =
      Map.of(
          MetricType.METRIC_TYPE_COUNTER, List.of("_total", "_created"),
          MetricType.METRIC_TYPE_HISTOGRAM, List.of("_bucket", "_sum", "_count", "_created"),
          MetricType.METRIC_TYPE_GAUGEHISTOGRAM, List.of("_bucket", "_gsum", "_gcount"),
          MetricType.METRIC_TYPE_SUMMARY, List.of("_sum", "_count", "_created"),
          MetricType.METRIC_TYPE_INFO, List.of("_info"));

  private final Map<String, MetricFamilyMetadata> byName = new HashMap<>();

  private MetricFamilies(ScrapeBatch batch) {
    for (MetricFamilyMetadata family : batch.getMetadataList()) {
      String name = SeriesDecoder.symbol(batch, family.getNameRef());
      if (name.isEmpty()) {
        throw SeriesDecoder.invalid(batch, "metadata: metric family name must not be empty");
      }
      SeriesDecoder.symbol(batch, family.getHelpRef());
      SeriesDecoder.symbol(batch, family.getUnitRef());
      byName.putIfAbsent(name, family);
    }
  }

  /** The families of {@code batch}; its references are checked against its string table. */
  static MetricFamilies of(ScrapeBatch batch) {
    return new MetricFamilies(batch);
  }

  /** The family a series named {@code metricName} belongs to, if the batch describes it. */
  Optional<MetricFamilyMetadata> forSeries(String metricName) {
    MetricFamilyMetadata exact = byName.get(metricName);
    if (exact != null) {
      return Optional.of(exact);
    }
    int underscore = metricName.lastIndexOf('_');
    if (underscore <= 0) {
      return Optional.empty();
    }
    String suffix = metricName.substring(underscore);
    MetricFamilyMetadata family = byName.get(metricName.substring(0, underscore));
    if (family != null && SUFFIXES.getOrDefault(family.getType(), List.of()).contains(suffix)) {
      return Optional.of(family);
    }
    return Optional.empty();
  }
}
