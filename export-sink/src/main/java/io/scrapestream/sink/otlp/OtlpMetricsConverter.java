package io.scrapestream.sink.otlp;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Exemplar;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.resource.v1.Resource;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import io.scrapestream.sink.DropReason;
import io.scrapestream.sink.otlp.MetricAccumulator.Kind;
import io.scrapestream.sink.otlp.MetricFamilies.Part;
import io.scrapestream.sink.otlp.MetricFamilies.Role;
import io.scrapestream.sink.series.InvalidBatchException;
import io.scrapestream.sink.series.SeriesDecoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns scrape batches into one OTLP {@link ExportMetricsServiceRequest} following the "Prometheus
 * and OpenMetrics Compatibility" specification of OpenTelemetry (Prometheus to OTLP): one resource
 * per target ({@link OtlpResource}), one scope per set of {@code otel_scope_} labels ({@link
 * OtlpScope}), one metric per family and type. Counters become cumulative monotonic sums named as
 * their samples (with {@code _total}); gauges and unknown-typed families gauges; info and stateset
 * families non-monotonic sums; the {@code _bucket}, {@code _count} and {@code _sum} series of a
 * classic histogram one explicit-bucket point, those of a summary one summary point; native
 * histograms exponential histograms. Several batches of one target (several scrapes) share its
 * resource and add points at their own timestamps. Pure: no I/O.
 */
public final class OtlpMetricsConverter {
  private static final String METRIC_NAME = "__name__";

  private final Map<List<KeyValue>, Map<OtlpScope, Map<MetricAccumulator.Key, MetricAccumulator>>>
      resources = new LinkedHashMap<>();
  private final Drops drops = new Drops();

  private OtlpMetricsConverter() {}

  /**
   * A request, the number of data points it carries and the samples left out, by reason.
   *
   * @param dataPoints OTLP data points (a classic histogram's many series make one)
   */
  public record Conversion(
      ExportMetricsServiceRequest request, long dataPoints, Map<DropReason, Long> dropped) {
    public Conversion {
      Objects.requireNonNull(request, "request");
      dropped = DropReason.ordered(dropped);
      if (dataPoints < 0) {
        throw new IllegalArgumentException("dataPoints: must be >= 0. Found: " + dataPoints);
      }
    }
  }

  /**
   * Converts the batches, in order.
   *
   * @throws InvalidBatchException when a batch breaks its record contract
   */
  public static Conversion convert(List<ScrapeBatch> batches) {
    OtlpMetricsConverter converter = new OtlpMetricsConverter();
    batches.forEach(converter::add);
    return converter.build();
  }

  private void add(ScrapeBatch batch) {
    List<SortedMap<String, String>> labels = new ArrayList<>();
    List<Map<String, String>> targetInfo = new ArrayList<>();
    for (int i = 0; i < batch.getSeriesCount(); i++) {
      labels.add(labelsWithName(batch, i));
      if (isTargetInfo(batch.getSeries(i), labels.get(i))) {
        targetInfo.add(labels.get(i));
      }
    }
    OtlpResource resource = OtlpResource.of(batch, targetInfo);
    MetricFamilies families = MetricFamilies.of(batch);
    Map<OtlpScope, Map<MetricAccumulator.Key, MetricAccumulator>> scopes =
        resources.computeIfAbsent(resource.attributes(), key -> new LinkedHashMap<>());
    for (int i = 0; i < batch.getSeriesCount(); i++) {
      Series series = batch.getSeries(i);
      if (!isTargetInfo(series, labels.get(i))) {
        Role role = families.resolve(labels.get(i).get(METRIC_NAME), series.hasHistogram());
        addSeries(new SeriesContext(batch, series, labels.get(i), resource), role, scopes);
      }
    }
  }

  private record SeriesContext(
      ScrapeBatch batch, Series series, SortedMap<String, String> labels, OtlpResource resource) {}

  private void addSeries(
      SeriesContext s,
      Role role,
      Map<OtlpScope, Map<MetricAccumulator.Key, MetricAccumulator>> scopes) {
    if (role.part() == Part.GAUGE_HISTOGRAM) {
      drops.add(DropReason.GAUGE_HISTOGRAM, 1);
      return;
    }
    OtlpScope.Split split = OtlpScope.split(s.labels());
    Map<MetricAccumulator.Key, MetricAccumulator> metrics =
        scopes.computeIfAbsent(split.scope(), key -> new LinkedHashMap<>());
    long timestampMs = SeriesDecoder.timestampMs(s.batch(), s.series());
    List<Exemplar> exemplars = OtlpExemplars.of(s.batch(), s.series(), timestampMs);
    List<KeyValue> attributes = attributes(split.labels(), role.part(), s.resource());
    if (role.part() == Part.NATIVE) {
      addNative(
          new NativeHistogramPoints.Sample(
              s.series().getHistogram(), attributes, timestampMs, exemplars),
          role,
          metrics);
      return;
    }
    MetricAccumulator metric =
        metric(metrics, role, MetricAccumulator.kindOf(role.family().type()));
    if (role.part() == Part.VALUE) {
      metric.nameAfter(s.labels().get(METRIC_NAME));
    }
    String bound = s.labels().get(role.part() == Part.BUCKET ? "le" : "quantile");
    metric
        .parts(attributes, timestampMs)
        .add(role.part(), s.series().getValueBits(), bound, exemplars);
  }

  private void addNative(
      NativeHistogramPoints.Sample sample,
      Role role,
      Map<MetricAccumulator.Key, MetricAccumulator> metrics) {
    NativeHistogramPoints.Result point = NativeHistogramPoints.convert(sample);
    if (point instanceof NativeHistogramPoints.Dropped dropped) {
      drops.add(dropped.reason(), 1);
      return;
    }
    Kind kind =
        point instanceof NativeHistogramPoints.Custom ? Kind.HISTOGRAM : Kind.EXPONENTIAL_HISTOGRAM;
    metric(metrics, role, kind).add(point);
  }

  private static MetricAccumulator metric(
      Map<MetricAccumulator.Key, MetricAccumulator> metrics, Role role, Kind kind) {
    return metrics.computeIfAbsent(
        new MetricAccumulator.Key(role.family().name(), kind),
        key -> new MetricAccumulator(role.family(), kind));
  }

  /**
   * The data point's attributes: the labels without {@code __name__}, without {@code job} and
   * {@code instance} when the resource holds them, without {@code le} of a bucket or {@code
   * quantile} of a quantile.
   */
  private static List<KeyValue> attributes(
      SortedMap<String, String> labels, Part part, OtlpResource resource) {
    SortedMap<String, String> attributes = new TreeMap<>(labels);
    attributes.remove(METRIC_NAME);
    attributes.remove("job", resource.job());
    attributes.remove("instance", resource.instance());
    if (part == Part.BUCKET) {
      attributes.remove("le");
    } else if (part == Part.QUANTILE) {
      attributes.remove("quantile");
    }
    return KeyValues.strings(attributes);
  }

  private Conversion build() {
    ExportMetricsServiceRequest.Builder request = ExportMetricsServiceRequest.newBuilder();
    long dataPoints = 0;
    for (var resource : resources.entrySet()) {
      ResourceMetrics.Builder resourceMetrics =
          ResourceMetrics.newBuilder()
              .setResource(Resource.newBuilder().addAllAttributes(resource.getKey()));
      for (var scope : resource.getValue().entrySet()) {
        ScopeMetrics.Builder scopeMetrics =
            ScopeMetrics.newBuilder()
                .setScope(scope.getKey().scope())
                .setSchemaUrl(scope.getKey().schemaUrl());
        for (MetricAccumulator metric : scope.getValue().values()) {
          metric.build(drops).ifPresent(scopeMetrics::addMetrics);
        }
        dataPoints +=
            scopeMetrics.getMetricsList().stream().mapToInt(MetricAccumulator::dataPoints).sum();
        if (scopeMetrics.getMetricsCount() > 0) {
          resourceMetrics.addScopeMetrics(scopeMetrics);
        }
      }
      if (resourceMetrics.getScopeMetricsCount() > 0) {
        request.addResourceMetrics(resourceMetrics);
      }
    }
    return new Conversion(request.build(), dataPoints, drops.counts());
  }

  private static boolean isTargetInfo(Series series, SortedMap<String, String> labels) {
    return !series.hasHistogram() && OtlpResource.TARGET_INFO.equals(labels.get(METRIC_NAME));
  }

  private static SortedMap<String, String> labelsWithName(ScrapeBatch batch, int index) {
    SortedMap<String, String> labels =
        SeriesDecoder.labels(batch, batch.getSeries(index).getLabelRefsList());
    if (!labels.containsKey(METRIC_NAME)) {
      throw SeriesDecoder.invalid(
          batch, "series " + index + ": labels must include __name__. Found: " + labels);
    }
    return labels;
  }
}
