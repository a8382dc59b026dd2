package io.scrapestream.core.transform;

import io.scrapestream.core.relabel.RelabelRegex;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which series a {@code keep} or {@code drop} step selects: the metric name ({@code __name__})
 * matches one of {@code metrics} (any name when the list is empty) and every label of {@code
 * labels} matches its regex (an absent label is the empty string, as in Prometheus). Regexes are
 * RE2 and anchored.
 */
public record SeriesMatcher(List<RelabelRegex> metrics, Map<String, RelabelRegex> labels) {
  public SeriesMatcher {
    metrics = List.copyOf(Objects.requireNonNull(metrics, "metrics must not be null"));
    labels = Map.copyOf(Objects.requireNonNull(labels, "labels must not be null"));
    if (metrics.isEmpty() && labels.isEmpty()) {
      throw new IllegalArgumentException("a matcher needs metrics or labels. Found: neither");
    }
  }

  public boolean matches(TransformSeries series) {
    if (!MetricScope.anyMatches(metrics, series.metricName())) {
      return false;
    }
    for (Map.Entry<String, RelabelRegex> label : labels.entrySet()) {
      if (!label.getValue().matches(series.labels().getOrDefault(label.getKey(), ""))) {
        return false;
      }
    }
    return true;
  }
}
