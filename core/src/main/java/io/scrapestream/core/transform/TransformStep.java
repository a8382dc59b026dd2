package io.scrapestream.core.transform;

import io.scrapestream.core.batch.BatchRecords;
import io.scrapestream.core.relabel.RelabelConfig;
import io.scrapestream.core.relabel.RelabelRegex;
import io.scrapestream.core.relabel.Relabeler;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

/**
 * One step of a backend's {@code transforms}, applied to the series inside its {@link #scope()};
 * series outside it pass unchanged. {@link SeriesStep}s look at one series at a time; {@link
 * Aggregate} and {@link SeriesLimit} look at the whole batch.
 */
public sealed interface TransformStep permits TransformStep.SeriesStep, Aggregate, SeriesLimit {
  MetricScope scope();

  /** A step that changes or drops one series at a time. */
  sealed interface SeriesStep extends TransformStep {
    /** Changes {@code series} in place; false when it is dropped. */
    boolean apply(TransformSeries series);
  }

  /** {@code keep}: drops the series that {@code matcher} does not select. */
  record Keep(MetricScope scope, SeriesMatcher matcher) implements SeriesStep {
    public Keep {
      Objects.requireNonNull(scope, "scope must not be null");
      Objects.requireNonNull(matcher, "matcher must not be null");
    }

    @Override
    public boolean apply(TransformSeries series) {
      return matcher.matches(series);
    }
  }

  /** {@code drop}: drops the series that {@code matcher} selects. */
  record Drop(MetricScope scope, SeriesMatcher matcher) implements SeriesStep {
    public Drop {
      Objects.requireNonNull(scope, "scope must not be null");
      Objects.requireNonNull(matcher, "matcher must not be null");
    }

    @Override
    public boolean apply(TransformSeries series) {
      return !matcher.matches(series);
    }
  }

  /**
   * {@code rename_metric}: a metric name that {@code regex} matches (anchored) becomes {@code
   * replacement} with {@code $1}, {@code ${name}} expanded.
   */
  record RenameMetric(MetricScope scope, RelabelRegex regex, String replacement)
      implements SeriesStep {
    public RenameMetric {
      Objects.requireNonNull(scope, "scope must not be null");
      Objects.requireNonNull(regex, "regex must not be null");
      Objects.requireNonNull(replacement, "replacement must not be null");
    }

    @Override
    public boolean apply(TransformSeries series) {
      String name = series.metricName();
      regex
          .expandMatch(name, replacement)
          .ifPresent(n -> series.labels().put("__name__", valid(n, name)));
      return true;
    }

    private String valid(String renamed, String name) {
      if (renamed.isEmpty()) {
        throw new IllegalStateException(
            "rename_metric must not turn a metric name into the empty string. Found: "
                + name
                + " renamed to \"\"");
      }
      return renamed;
    }
  }

  /** {@code add_label}: sets {@code name} to {@code value}, replacing a value already there. */
  record AddLabel(MetricScope scope, String name, String value) implements SeriesStep {
    public AddLabel {
      Objects.requireNonNull(scope, "scope must not be null");
      Objects.requireNonNull(name, "name must not be null");
      Objects.requireNonNull(value, "value must not be null");
    }

    @Override
    public boolean apply(TransformSeries series) {
      series.labels().put(name, value);
      return true;
    }
  }

  /** {@code update_label}: sets {@code name} to {@code value} only where the label is present. */
  record UpdateLabel(MetricScope scope, String name, String value) implements SeriesStep {
    public UpdateLabel {
      Objects.requireNonNull(scope, "scope must not be null");
      Objects.requireNonNull(name, "name must not be null");
      Objects.requireNonNull(value, "value must not be null");
    }

    @Override
    public boolean apply(TransformSeries series) {
      series.labels().computeIfPresent(name, (k, old) -> value);
      return true;
    }
  }

  /** {@code delete_label}: removes the label {@code name}. */
  record DeleteLabel(MetricScope scope, String name) implements SeriesStep {
    public DeleteLabel {
      Objects.requireNonNull(scope, "scope must not be null");
      Objects.requireNonNull(name, "name must not be null");
    }

    @Override
    public boolean apply(TransformSeries series) {
      series.labels().remove(name);
      return true;
    }
  }

  /** {@code rename_label}: moves the value of {@code from} to {@code to} (replacing it). */
  record RenameLabel(MetricScope scope, String from, String to) implements SeriesStep {
    public RenameLabel {
      Objects.requireNonNull(scope, "scope must not be null");
      Objects.requireNonNull(from, "from must not be null");
      Objects.requireNonNull(to, "to must not be null");
    }

    @Override
    public boolean apply(TransformSeries series) {
      String value = series.labels().remove(from);
      if (value != null) {
        series.labels().put(to, value);
      }
      return true;
    }
  }

  /** {@code relabel}: Prometheus relabel configs (the shared engine); a dropped series is gone. */
  record Relabel(MetricScope scope, Relabeler relabeler) implements SeriesStep {
    public Relabel {
      Objects.requireNonNull(scope, "scope must not be null");
      Objects.requireNonNull(relabeler, "relabeler must not be null");
    }

    public static Relabel of(MetricScope scope, List<RelabelConfig> configs) {
      return new Relabel(scope, new Relabeler(configs));
    }

    @Override
    public boolean apply(TransformSeries series) {
      Optional<SortedMap<String, String>> result = relabeler.apply(series.labels());
      if (result.isEmpty()) {
        return false;
      }
      series.labels().clear();
      series.labels().putAll(result.get());
      return true;
    }
  }

  /**
   * {@code convert_unit}: multiplies the float values of metrics that {@code metric} matches by
   * {@code factor} (stale markers and histograms left alone), then renames them when {@code rename}
   * is given.
   */
  record ConvertUnit(
      MetricScope scope, RelabelRegex metric, double factor, Optional<RenameMetric> rename)
      implements SeriesStep {
    public ConvertUnit {
      Objects.requireNonNull(scope, "scope must not be null");
      Objects.requireNonNull(metric, "metric must not be null");
      Objects.requireNonNull(rename, "rename must not be null");
      if (!Double.isFinite(factor) || factor == 0) {
        throw new IllegalArgumentException(
            "factor must be a finite number other than 0. Found: " + factor);
      }
    }

    @Override
    public boolean apply(TransformSeries series) {
      if (!metric.matches(series.metricName())) {
        return true;
      }
      if (series.floatSample() && !BatchRecords.isStaleMarker(series.valueBits())) {
        double value = Double.longBitsToDouble(series.valueBits());
        series.valueBits(Double.doubleToRawLongBits(value * factor));
      }
      rename.ifPresent(r -> r.apply(series));
      return true;
    }
  }
}
