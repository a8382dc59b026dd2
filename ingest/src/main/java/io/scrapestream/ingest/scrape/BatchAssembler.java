package io.scrapestream.ingest.scrape;

import io.scrapestream.core.batch.SymbolTable;
import io.scrapestream.core.target.ScrapeTarget;
import io.scrapestream.ingest.parse.LabelView;
import io.scrapestream.ingest.parse.MetricType;
import io.scrapestream.ingest.parse.SampleVisitor;
import io.scrapestream.schemas.v1.Exemplar;
import io.scrapestream.schemas.v1.MetricFamilyMetadata;
import io.scrapestream.schemas.v1.NativeHistogram;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Receives parsed samples of one scrape and builds its {@code ScrapeBatch}: merges the target
 * labels into each series as Prometheus does ({@code honor_labels}), keeps or drops exposed
 * timestamps ({@code honor_timestamps}), applies the label limits (throwing {@link
 * ScrapeLimitExceededException}) after {@code metric_relabel_configs} ({@link MetricRelabeling}),
 * then {@link SampleAdmission}, counts what Prometheus reports in {@code scrape_samples_scraped}
 * and {@code scrape_samples_post_metric_relabeling}, and fills the string table.
 */
final class BatchAssembler implements SampleVisitor {
  private final ScrapeTarget target;
  private final SampleLimits limits;
  private final SampleAdmission admission;
  private final MetricRelabeling relabeling;
  private final SymbolTable symbols = new SymbolTable();
  private final List<Series> series = new ArrayList<>();
  private final Map<String, FamilyMetadata> metadata = new LinkedHashMap<>();
  private Series.Builder last;
  private int scraped;
  private int postRelabeling;

  BatchAssembler(ScrapeTarget target, SampleLimits limits, SampleAdmission admission) {
    this(target, limits, admission, MetricRelabeling.NONE);
  }

  BatchAssembler(
      ScrapeTarget target,
      SampleLimits limits,
      SampleAdmission admission,
      MetricRelabeling relabeling) {
    this.target = target;
    this.limits = limits;
    this.admission = admission;
    this.relabeling = relabeling;
  }

  @Override
  public void type(String family, MetricType type) {
    metadata.computeIfAbsent(family, f -> new FamilyMetadata()).type = type;
  }

  @Override
  public void help(String family, String help) {
    metadata.computeIfAbsent(family, f -> new FamilyMetadata()).help = help;
  }

  @Override
  public void unit(String family, String unit) {
    metadata.computeIfAbsent(family, f -> new FamilyMetadata()).unit = unit;
  }

  @Override
  public void sample(LabelView labels, long valueBits, boolean hasTimestamp, long timestampMs) {
    flushLast();
    scraped++;
    TreeMap<String, String> merged = new TreeMap<>();
    for (int i = 0; i < labels.size(); i++) {
      merged.put(labels.name(i), labels.value(i));
    }
    mergeTargetLabels(merged);
    Optional<TreeMap<String, String>> relabeled = relabeling.apply(merged);
    if (relabeled.isEmpty()) {
      return;
    }
    merged = relabeled.get();
    postRelabeling++;
    limits.checkLabels(merged);
    boolean keepTimestamp = hasTimestamp && target.honorTimestamps();
    long hash = SampleAdmission.hash(merged.entrySet());
    if (admission.admit(hash, keepTimestamp, timestampMs) != SampleAdmission.Verdict.ADD) {
      return;
    }
    last = Series.newBuilder().setValueBits(valueBits);
    if (keepTimestamp) {
      last.setTimestampMs(timestampMs);
    }
    addRefs(last, merged);
  }

  @Override
  public void exemplar(LabelView labels, long valueBits, boolean hasTimestamp, long timestampMs) {
    if (last == null) {
      return;
    }
    Exemplar.Builder exemplar = Exemplar.newBuilder().setValueBits(valueBits);
    if (hasTimestamp) {
      exemplar.setTimestampMs(timestampMs);
    }
    for (int i = 0; i < labels.size(); i++) {
      exemplar.addLabelRefs(symbols.ref(labels.name(i))).addLabelRefs(symbols.ref(labels.value(i)));
    }
    last.addExemplars(exemplar);
  }

  @Override
  public void histogram(
      LabelView labels, NativeHistogram histogram, boolean hasTimestamp, long timestampMs) {
    sample(labels, 0L, hasTimestamp, timestampMs);
    if (last != null) {
      last.setHistogram(histogram);
    }
  }

  /** Adds a synthetic series ({@code up}, {@code scrape_*}) with the target labels. */
  void synthetic(String name, double value) {
    flushLast();
    TreeMap<String, String> labels = new TreeMap<>(target.labels());
    labels.put("__name__", name);
    Series.Builder builder = Series.newBuilder().setValueBits(Double.doubleToRawLongBits(value));
    addRefs(builder, labels);
    series.add(builder.build());
  }

  /** Samples parsed ({@code scrape_samples_scraped}). */
  int scraped() {
    return scraped;
  }

  /** Samples after metric relabeling ({@code scrape_samples_post_metric_relabeling}). */
  int postRelabeling() {
    return postRelabeling;
  }

  /**
   * Throws when the scrape broke {@code sample_limit}; call after the parse, which goes on past the
   * limit so that the counts are complete, as in Prometheus.
   */
  void checkSampleLimit(int sampleLimit) throws ScrapeException {
    if (admission.sampleLimitExceeded()) {
      throw new ScrapeException(
          "sample limit exceeded (sample_limit "
              + sampleLimit
              + ", "
              + admission.counted()
              + " samples)",
          ScrapeLimitKind.SAMPLE);
    }
  }

  /** Drops what was parsed so far (a scrape that failed half way keeps no partial samples). */
  void discardSamples() {
    last = null;
    series.clear();
    metadata.clear();
  }

  ScrapeBatch.Builder toBatch() {
    flushLast();
    ScrapeBatch.Builder batch = ScrapeBatch.newBuilder().addAllSeries(series);
    metadata.forEach((family, m) -> batch.addMetadata(m.toProto(symbols, family)));
    return batch.addAllSymbols(symbols.symbols());
  }

  private void mergeTargetLabels(TreeMap<String, String> labels) {
    for (Map.Entry<String, String> entry : target.labels().entrySet()) {
      String name = entry.getKey();
      String exposed = labels.get(name);
      if (exposed != null && target.honorLabels()) {
        continue;
      }
      if (exposed != null) {
        String exported = "exported_" + name;
        while (labels.containsKey(exported)) {
          exported = "exported_" + exported;
        }
        labels.put(exported, exposed);
      }
      labels.put(name, entry.getValue());
    }
    labels.values().removeIf(String::isEmpty);
  }

  private void addRefs(Series.Builder builder, TreeMap<String, String> labels) {
    labels.forEach(
        (name, value) -> builder.addLabelRefs(symbols.ref(name)).addLabelRefs(symbols.ref(value)));
  }

  private void flushLast() {
    if (last != null) {
      series.add(last.build());
      last = null;
    }
  }

  private static final class FamilyMetadata {
    MetricType type = MetricType.UNKNOWN;
    String help = "";
    String unit = "";

    MetricFamilyMetadata toProto(SymbolTable symbols, String family) {
      return MetricFamilyMetadata.newBuilder()
          .setNameRef(symbols.ref(family))
          .setType(MetricTypes.toProto(type))
          .setHelpRef(symbols.ref(help))
          .setUnitRef(symbols.ref(unit))
          .build();
    }
  }
}
