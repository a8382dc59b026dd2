package io.scrapestream.core.config;

import io.scrapestream.core.relabel.RelabelRegex;
import io.scrapestream.core.transform.MetricScope;
import io.scrapestream.core.transform.TransformStep;
import java.util.Optional;

/** Reads a {@code convert_unit: {metric: regex, factor: number, rename: {regex, replacement}}}. */
final class ConvertUnitReader {
  private ConvertUnitReader() {}

  static Optional<TransformStep> read(MappingReader step, String key, MetricScope scope) {
    MappingReader m = step.mapping(key);
    Optional<RelabelRegex> metric = TransformRegexes.required(m, "metric");
    Optional<Double> factor = factor(m);
    Optional<TransformStep.RenameMetric> rename = Optional.empty();
    boolean renameBroken = false;
    if (m.value("rename").isPresent()) {
      MappingReader r = m.mapping("rename");
      Optional<RelabelRegex> regex = TransformRegexes.required(r, "regex");
      Optional<String> replacement = r.required("replacement", ValueRule.any());
      r.finish();
      renameBroken = regex.isEmpty() || replacement.isEmpty();
      if (!renameBroken) {
        rename =
            Optional.of(
                new TransformStep.RenameMetric(MetricScope.ALL, regex.get(), replacement.get()));
      }
    }
    m.finish();
    if (metric.isEmpty() || factor.isEmpty() || renameBroken) {
      return Optional.empty();
    }
    return Optional.of(new TransformStep.ConvertUnit(scope, metric.get(), factor.get(), rename));
  }

  private static Optional<Double> factor(MappingReader m) {
    Optional<String> text = m.required("factor", ValueRule.any());
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String expectation = "must be a finite number other than 0";
    try {
      double factor = Double.parseDouble(text.get());
      if (Double.isFinite(factor) && factor != 0) {
        return Optional.of(factor);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    m.problem("factor", expectation, ConfigProblems.quote(text.get()));
    return Optional.empty();
  }
}
