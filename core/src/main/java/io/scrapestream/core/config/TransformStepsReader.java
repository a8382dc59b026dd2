package io.scrapestream.core.config;

import io.scrapestream.core.relabel.RelabelConfig;
import io.scrapestream.core.relabel.RelabelRegex;
import io.scrapestream.core.transform.Aggregate;
import io.scrapestream.core.transform.AggregateOp;
import io.scrapestream.core.transform.MetricScope;
import io.scrapestream.core.transform.SeriesLimit;
import io.scrapestream.core.transform.SeriesMatcher;
import io.scrapestream.core.transform.TransformStep;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code backends[].transforms}: a list of steps, each a mapping with exactly one step kind
 * and an optional {@code metrics: [regex...]} scope. Every problem is reported with its path.
 */
final class TransformStepsReader {
  /** Reads the body of one step kind (the value under its key) with the step's scope. */
  private interface KindReader {
    Optional<? extends TransformStep> read(MappingReader step, String key, MetricScope scope);
  }

  private static final Map<String, KindReader> KINDS = kinds();
  private static final ValueRule<String> OP = ValueRule.oneOf(AggregateOp.yamlNames());

  private TransformStepsReader() {}

  static List<TransformStep> readAll(List<ValueReader> items) {
    List<TransformStep> steps = new ArrayList<>();
    for (ValueReader item : items) {
      read(MappingReader.of(item)).ifPresent(steps::add);
    }
    return steps;
  }

  private static Optional<TransformStep> read(MappingReader m) {
    int problemsBefore = m.problemCount();
    MetricScope scope = new MetricScope(TransformRegexes.list(m, "metrics"));
    List<String> present = new ArrayList<>();
    Optional<? extends TransformStep> step = Optional.empty();
    for (Map.Entry<String, KindReader> kind : KINDS.entrySet()) {
      if (m.has(kind.getKey())) {
        present.add(kind.getKey());
        step = kind.getValue().read(m, kind.getKey(), scope);
      }
    }
    if (present.size() != 1) {
      m.problem(
          "must have exactly one of " + String.join(", ", KINDS.keySet()),
          present.isEmpty() ? "none" : String.join(", ", present));
    }
    m.finish();
    return m.problemCount() > problemsBefore ? Optional.empty() : step.map(s -> s);
  }

  private static Optional<TransformStep> matcher(
      MappingReader step, String key, MetricScope scope, boolean keep) {
    MappingReader m = step.mapping(key);
    int problemsBefore = m.problemCount();
    List<RelabelRegex> metrics = TransformRegexes.list(m, "metrics");
    Map<String, RelabelRegex> labels = TransformRegexes.labelMap(m, "labels");
    m.finish();
    if (m.problemCount() > problemsBefore) {
      return Optional.empty();
    }
    if (metrics.isEmpty() && labels.isEmpty()) {
      m.problem("must name at least one metric regex or label", "neither");
      return Optional.empty();
    }
    SeriesMatcher matcher = new SeriesMatcher(metrics, labels);
    return Optional.of(
        keep ? new TransformStep.Keep(scope, matcher) : new TransformStep.Drop(scope, matcher));
  }

  private static Optional<TransformStep.RenameMetric> rename(MappingReader m, MetricScope scope) {
    Optional<RelabelRegex> regex = TransformRegexes.required(m, "regex");
    Optional<String> replacement = m.required("replacement", ValueRule.any());
    m.finish();
    if (regex.isEmpty() || replacement.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new TransformStep.RenameMetric(scope, regex.get(), replacement.get()));
  }

  private static Optional<TransformStep> label(MappingReader step, String key, MetricScope scope) {
    MappingReader m = step.mapping(key);
    boolean delete = key.equals("delete_label");
    Optional<String> name = m.required("name", ConfigRules.LABEL_NAME);
    Optional<String> value = delete ? Optional.of("") : m.required("value", ValueRule.any());
    m.finish();
    if (name.isEmpty() || value.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        switch (key) {
          case "add_label" -> new TransformStep.AddLabel(scope, name.get(), value.get());
          case "update_label" -> new TransformStep.UpdateLabel(scope, name.get(), value.get());
          default -> new TransformStep.DeleteLabel(scope, name.get());
        });
  }

  private static Optional<TransformStep> renameLabel(
      MappingReader step, String key, MetricScope scope) {
    MappingReader m = step.mapping(key);
    Optional<String> from = m.required("from", ConfigRules.LABEL_NAME);
    Optional<String> to = m.required("to", ConfigRules.LABEL_NAME);
    m.finish();
    if (from.isEmpty() || to.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new TransformStep.RenameLabel(scope, from.get(), to.get()));
  }

  private static Optional<TransformStep> relabel(
      MappingReader step, String key, MetricScope scope) {
    List<RelabelConfig> configs = RelabelConfigsReader.readAll(step.items(key));
    return Optional.of(TransformStep.Relabel.of(scope, configs));
  }

  private static Optional<TransformStep> aggregate(
      MappingReader step, String key, MetricScope scope) {
    MappingReader m = step.mapping(key);
    boolean hasMetrics = m.has("metrics");
    int problemsBefore = m.problemCount();
    List<RelabelRegex> metrics = TransformRegexes.list(m, "metrics");
    boolean metricsBroken = m.problemCount() > problemsBefore;
    List<String> keep = m.stringList("keep_labels", ConfigRules.LABEL_NAME);
    Optional<AggregateOp> op = m.required("op", OP).flatMap(AggregateOp::fromYamlName);
    m.finish();
    if (!hasMetrics) {
      m.problem("metrics", "must be set", "nothing");
    } else if (metrics.isEmpty() && !metricsBroken) {
      m.problem("metrics", "must name at least one regex", "[]");
    }
    if (metrics.isEmpty() || op.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Aggregate(scope, metrics, keep, op.get()));
  }

  private static Optional<TransformStep> seriesLimit(
      MappingReader step, String key, MetricScope scope) {
    Optional<ValueReader> value = step.value(key);
    if (value.isEmpty()) {
      step.problem(key, "must be set", "null");
      return Optional.empty();
    }
    ValueReader v = value.get();
    return v.integer()
        .flatMap(i -> v.check(i, ConfigRules.POSITIVE_INT))
        .map(limit -> new SeriesLimit(scope, limit));
  }

  private static Map<String, KindReader> kinds() {
    Map<String, KindReader> kinds = new LinkedHashMap<>();
    kinds.put("keep", (m, key, scope) -> matcher(m, key, scope, true));
    kinds.put("drop", (m, key, scope) -> matcher(m, key, scope, false));
    kinds.put("rename_metric", (m, key, scope) -> rename(m.mapping(key), scope));
    kinds.put("add_label", TransformStepsReader::label);
    kinds.put("update_label", TransformStepsReader::label);
    kinds.put("delete_label", TransformStepsReader::label);
    kinds.put("rename_label", TransformStepsReader::renameLabel);
    kinds.put("relabel", TransformStepsReader::relabel);
    kinds.put("aggregate", TransformStepsReader::aggregate);
    kinds.put("convert_unit", ConvertUnitReader::read);
    kinds.put("series_limit", TransformStepsReader::seriesLimit);
    return Collections.unmodifiableMap(kinds);
  }
}
