package io.scrapestream.core.transform;

import io.scrapestream.core.relabel.RelabelRegex;
import java.util.List;
import java.util.Objects;

/**
 * The series a step applies to: those whose metric name ({@code __name__}) matches one of {@code
 * metrics} (anchored RE2); every series when the list is empty. Series outside the scope pass the
 * step unchanged.
 */
public record MetricScope(List<RelabelRegex> metrics) {
  /** Every series. */
  public static final MetricScope ALL = new MetricScope(List.of());

  public MetricScope {
    metrics = List.copyOf(Objects.requireNonNull(metrics, "metrics must not be null"));
  }

  public boolean contains(TransformSeries series) {
    return anyMatches(metrics, series.metricName());
  }

  static boolean anyMatches(List<RelabelRegex> regexes, String name) {
    if (regexes.isEmpty()) {
      return true;
    }
    for (RelabelRegex regex : regexes) {
      if (regex.matches(name)) {
        return true;
      }
    }
    return false;
  }
}
