package io.scrapestream.core.transform;

import io.scrapestream.core.relabel.RelabelRegex;
import java.util.List;
import java.util.Objects;

/**
 * {@code aggregate}: within one batch, the float series of metrics that {@code metrics} matches are
 * grouped by metric name and {@code keepLabels} (the other labels are aggregated away) and each
 * group becomes one series whose value {@code op} combines ({@link Aggregation} says how stale
 * markers and NaN count). The aggregate takes the place of the group's first series.
 */
public record Aggregate(
    MetricScope scope, List<RelabelRegex> metrics, List<String> keepLabels, AggregateOp op)
    implements TransformStep {
  public Aggregate {
    Objects.requireNonNull(scope, "scope must not be null");
    metrics = List.copyOf(Objects.requireNonNull(metrics, "metrics must not be null"));
    keepLabels = List.copyOf(Objects.requireNonNull(keepLabels, "keepLabels must not be null"));
    Objects.requireNonNull(op, "op must not be null");
    if (metrics.isEmpty()) {
      throw new IllegalArgumentException("metrics must name at least one regex. Found: []");
    }
  }

  /** Whether {@code series} takes part: in scope, a float sample of a matching metric. */
  boolean selects(TransformSeries series) {
    return series.floatSample()
        && scope.contains(series)
        && MetricScope.anyMatches(metrics, series.metricName());
  }
}
