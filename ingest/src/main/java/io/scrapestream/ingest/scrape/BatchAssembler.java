package io.scrapestream.ingest.scrape;

import com.google.protobuf.InvalidProtocolBufferException;
import io.scrapestream.core.target.ScrapeTarget;
import io.scrapestream.ingest.parse.LabelView;
import io.scrapestream.ingest.parse.MetricType;
import io.scrapestream.ingest.parse.SampleVisitor;
import io.scrapestream.schemas.v1.NativeHistogram;
import io.scrapestream.schemas.v1.ScrapeBatch;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Receives parsed samples of one scrape and encodes its {@code ScrapeBatch}: merges the target
 * labels into each series as Prometheus does ({@code honor_labels}), keeps or drops exposed
 * timestamps ({@code honor_timestamps}), applies the label limits (throwing {@link
 * ScrapeLimitExceededException}) after {@code metric_relabel_configs} ({@link MetricRelabeling}),
 * then {@link SampleAdmission}, counts what Prometheus reports in {@code scrape_samples_scraped}
 * and {@code scrape_samples_post_metric_relabeling}, and fills the string table. Works in a
 * scrape's {@link ScrapeBuffers}: without metric relabeling, a sample allocates nothing.
 */
final class BatchAssembler implements SampleVisitor {
  private final ScrapeTarget target;
  private final TargetLabels targetLabels;
  private final SampleLimits limits;
  private final SampleAdmission admission;
  private final MetricRelabeling relabeling;
  private final ScrapeBuffers buffers;
  private final ScrapeSymbols symbols;
  private final MergedLabels merged;
  private final SeriesWriter series;
  private final NameOrder order;
  private final int[] targetEntries;
  private int scraped;
  private int postRelabeling;

  /** An assembler with buffers of its own. */
  BatchAssembler(ScrapeTarget target, SampleLimits limits, SampleAdmission admission) {
    this(target, limits, admission, MetricRelabeling.NONE);
  }

  BatchAssembler(
      ScrapeTarget target,
      SampleLimits limits,
      SampleAdmission admission,
      MetricRelabeling relabeling) {
    this(TargetLabels.of(target), limits, admission, relabeling, new ScrapeBuffers());
  }

  /** An assembler working in {@code buffers} (reset), with {@code admission} using its set. */
  BatchAssembler(
      TargetLabels targetLabels,
      SampleLimits limits,
      SampleAdmission admission,
      MetricRelabeling relabeling,
      ScrapeBuffers buffers) {
    this.target = targetLabels.target();
    this.targetLabels = targetLabels;
    this.limits = limits;
    this.admission = admission;
    this.relabeling = relabeling;
    this.buffers = buffers;
    this.symbols = buffers.symbols;
    this.merged = buffers.labels;
    this.series = buffers.series;
    this.order = buffers.order;
    order.target(targetLabels.names());
    this.targetEntries = targetLabels.entries(symbols);
  }

  @Override
  public void type(String family, MetricType type) {
    buffers.families.type(family, type);
  }

  @Override
  public void help(String family, String help) {
    buffers.families.help(family, help);
  }

  @Override
  public void unit(String family, String unit) {
    buffers.families.unit(family, unit);
  }

  @Override
  public void sample(LabelView labels, long valueBits, boolean hasTimestamp, long timestampMs) {
    series.flush();
    scraped++;
    boolean resolved = merge(labels);
    if (!relabeling.isEmpty()) {
      if (!relabel()) {
        return;
      }
      resolved = false;
    }
    postRelabeling++;
    if (!resolved) {
      merged.resolve(symbols);
    }
    limits.checkLabels(merged, symbols);
    boolean keepTimestamp = hasTimestamp && target.honorTimestamps();
    long hash = SampleAdmission.hash(merged, symbols);
    if (admission.admit(hash, keepTimestamp, timestampMs) != SampleAdmission.Verdict.ADD) {
      return;
    }
    series.start(valueBits, keepTimestamp, timestampMs);
    addRefs();
  }

  @Override
  public void exemplar(LabelView labels, long valueBits, boolean hasTimestamp, long timestampMs) {
    if (!series.pending()) {
      return;
    }
    series.startExemplar();
    for (int i = 0; i < labels.size(); i++) {
      series.addExemplarRef(symbols.ref(symbols.nameEntry(labels, i)));
      series.addExemplarRef(symbols.ref(symbols.valueEntry(labels, i)));
    }
    series.endExemplar(valueBits, hasTimestamp, timestampMs);
  }

  @Override
  public void histogram(
      LabelView labels, NativeHistogram histogram, boolean hasTimestamp, long timestampMs) {
    sample(labels, 0L, hasTimestamp, timestampMs);
    if (series.pending()) {
      series.histogram(histogram);
    }
  }

  /** Adds a synthetic series ({@code up}, {@code scrape_*}) with the target labels. */
  void synthetic(String name, double value) {
    merged.load(target.labels());
    merged.put("__name__", name);
    merged.resolve(symbols);
    series.start(Double.doubleToRawLongBits(value), false, 0);
    addRefs();
    series.flush();
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
    series.reset();
    buffers.families.clear();
  }

  /** The batch encoded so far (string table, series, metadata), without target or report. */
  ScrapeBatch.Builder toBatch() {
    try {
      return ScrapeBatch.parseFrom(BatchEncoding.encode(buffers, null, 0, null)).toBuilder();
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("the encoded batch does not parse: " + e.getMessage(), e);
    }
  }

  /** The buffers holding the encoded series, for {@link BatchEncoding}. */
  ScrapeBuffers buffers() {
    return buffers;
  }

  /**
   * Loads the sample's labels and merges the target labels in; true when the entries of the result
   * are known (no label of the sample has a target label's name: the merge is by rank).
   */
  private boolean merge(LabelView labels) {
    if (merged.loadResolved(labels, symbols, order)) {
      merged.mergeTarget(targetLabels.names(), targetLabels.values(), targetEntries);
      return true;
    }
    targetLabels.mergeInto(merged);
    return false;
  }

  /** Applies {@code metric_relabel_configs}; false when they dropped the sample. */
  private boolean relabel() {
    Optional<TreeMap<String, String>> relabeled = relabeling.apply(merged.toMap());
    relabeled.ifPresent(merged::load);
    return relabeled.isPresent();
  }

  private void addRefs() {
    for (int i = 0; i < merged.size(); i++) {
      series.addRef(symbols.ref(merged.nameEntry(i)));
      series.addRef(symbols.ref(merged.valueEntry(i)));
    }
  }
}
