package io.scrapestream.ingest.scrape;

import io.scrapestream.core.relabel.RelabelConfig;
import io.scrapestream.core.relabel.Relabeler;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A job's {@code metric_relabel_configs}, applied to each sample after the target labels were
 * merged ({@code honor_labels}) and before the label and sample limits, as Prometheus's {@code
 * mutateSampleLabels} does. A job without rules leaves label sets untouched and builds nothing.
 * Immutable and thread-safe.
 */
public final class MetricRelabeling {
  /** No rules: every label set is kept as it is. */
  public static final MetricRelabeling NONE = new MetricRelabeling(List.of());

  private final Relabeler relabeler;
  private final boolean empty;

  private MetricRelabeling(List<RelabelConfig> configs) {
    this.relabeler = new Relabeler(configs);
    this.empty = configs.isEmpty();
  }

  /** The relabeling of these rules ({@link #NONE} when there are none). */
  public static MetricRelabeling of(List<RelabelConfig> configs) {
    return configs.isEmpty() ? NONE : new MetricRelabeling(configs);
  }

  /** Whether there is no rule, so {@link #apply} would always return its input. */
  boolean isEmpty() {
    return empty;
  }

  /**
   * The label set after the rules; empty when a rule dropped the sample. Throws {@link
   * InvalidSeriesException} when the rules removed {@code __name__}, which fails the scrape as in
   * Prometheus.
   */
  Optional<TreeMap<String, String>> apply(TreeMap<String, String> labels) {
    if (empty) {
      return Optional.of(labels);
    }
    Optional<SortedMap<String, String>> relabeled = relabeler.apply(labels);
    if (relabeled.isEmpty()) {
      return Optional.empty();
    }
    TreeMap<String, String> result = new TreeMap<>(relabeled.get());
    result.values().removeIf(String::isEmpty);
    if (result.isEmpty()) {
      return Optional.empty();
    }
    if (!result.containsKey("__name__")) {
      throw new InvalidSeriesException("missing metric name (__name__ label)");
    }
    return Optional.of(result);
  }
}
