package io.scrapestream.ingest.scrape;

import io.scrapestream.core.target.ScrapeTarget;
import java.util.Map;

/**
 * The target labels of one target, ready to merge into each series as Prometheus's {@code
 * mutateSampleLabels} does: with {@code honor_labels} an exposed label wins; without it the exposed
 * one is kept as {@code exported_<name>} (prefixed again while that name is taken) and the target's
 * value wins. Labels with an empty value are then dropped. Immutable; made once per target.
 */
final class TargetLabels {
  private static final String EXPORTED = "exported_";

  private final ScrapeTarget target;
  private final String[] names;
  private final String[] values;
  private final String[] exportedNames;

  private TargetLabels(ScrapeTarget target) {
    this.target = target;
    int size = target.labels().size();
    this.names = new String[size];
    this.values = new String[size];
    this.exportedNames = new String[size];
    int i = 0;
    for (Map.Entry<String, String> label : target.labels().entrySet()) {
      names[i] = label.getKey();
      values[i] = label.getValue();
      exportedNames[i++] = EXPORTED + label.getKey();
    }
  }

  static TargetLabels of(ScrapeTarget target) {
    return new TargetLabels(target);
  }

  ScrapeTarget target() {
    return target;
  }

  /** The names, sorted (as {@link String#compareTo}); do not modify. */
  String[] names() {
    return names;
  }

  /** The values, in the order of {@link #names()}; do not modify. */
  String[] values() {
    return values;
  }

  /**
   * The entries of each name and value in {@code symbols}: name of label j at 2j, value at 2j+1.
   */
  int[] entries(ScrapeSymbols symbols) {
    int[] entries = new int[2 * names.length];
    for (int j = 0; j < names.length; j++) {
      entries[2 * j] = symbols.entry(names[j]);
      entries[2 * j + 1] = symbols.entry(values[j]);
    }
    return entries;
  }

  /** Merges the target labels into {@code labels} (a sample's exposed labels). */
  void mergeInto(MergedLabels labels) {
    for (int j = 0; j < names.length; j++) {
      int exposed = labels.indexOf(names[j]);
      if (exposed >= 0) {
        if (target.honorLabels()) {
          continue;
        }
        String exported = exportedNames[j];
        while (labels.indexOf(exported) >= 0) {
          exported = EXPORTED + exported;
        }
        labels.put(exported, labels.value(exposed));
      }
      labels.put(names[j], values[j]);
    }
    labels.removeEmptyValues();
  }
}
