package io.scrapestream.core.config;

import io.scrapestream.core.relabel.InvalidRelabelConfigException;
import io.scrapestream.core.relabel.LabelName;
import io.scrapestream.core.relabel.RelabelAction;
import io.scrapestream.core.relabel.RelabelConfig;
import io.scrapestream.core.relabel.RelabelRegex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a list of relabel configs in Prometheus's syntax ({@code relabel_configs}, {@code
 * metric_relabel_configs}, a rules file). An absent key takes Prometheus's default; an explicit
 * null takes the zero value as Prometheus's YAML decoder does ({@code regex:} alone is the empty
 * regex, {@code separator:} alone the empty separator). Field problems are reported with their
 * paths; only an item without any is checked as a whole, Prometheus's rules reporting the first
 * field at fault.
 */
final class RelabelConfigsReader {
  private static final ValueRule<String> SOURCE_LABEL =
      new ValueRule<>(
          LabelName::isValid, "must be a valid label name matching " + LabelName.PATTERN);
  private static final ValueRule<String> ACTION =
      new ValueRule<>(
          name -> RelabelAction.fromYamlName(name).isPresent(),
          "must be one of: " + String.join(", ", RelabelAction.yamlNames()));

  private RelabelConfigsReader() {}

  static List<RelabelConfig> readAll(List<ValueReader> items) {
    List<RelabelConfig> configs = new ArrayList<>();
    for (ValueReader item : items) {
      read(item).ifPresent(configs::add);
    }
    return configs;
  }

  private static Optional<RelabelConfig> read(ValueReader item) {
    int problemsBefore = item.ctx().problems().count();
    MappingReader m = MappingReader.of(item);
    Written written = Written.read(m);
    m.finish();
    if (m.problemCount() > problemsBefore || written.action().isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(written.toConfig(written.action().get()));
    } catch (InvalidRelabelConfigException e) {
      m.problem(e.field(), e.expectation(), e.found());
      return Optional.empty();
    }
  }

  /** The fields of one item as written, before they are checked as a whole. */
  private record Written(
      boolean sourceLabelsWritten,
      List<String> sourceLabels,
      String separator,
      RelabelRegex regex,
      long modulus,
      String targetLabel,
      String replacement,
      Optional<RelabelAction> action) {

    static Written read(MappingReader m) {
      return new Written(
          m.value("source_labels").isPresent(),
          m.stringList("source_labels", SOURCE_LABEL),
          nullable(m, "separator", RelabelConfig.DEFAULT_SEPARATOR),
          readRegex(m),
          m.value("modulus").flatMap(ValueReader::unsignedLong).orElse(0L),
          nullable(m, "target_label", ""),
          nullable(m, "replacement", RelabelConfig.DEFAULT_REPLACEMENT),
          readAction(m));
    }

    /**
     * The config. Like Prometheus, an action that takes no source labels refuses even an empty list
     * written out, which the record cannot tell from no list.
     */
    RelabelConfig toConfig(RelabelAction checkedAction) {
      boolean takesSourceLabels =
          checkedAction.onlyFields().map(f -> f.contains("source_labels")).orElse(true);
      if (sourceLabelsWritten && sourceLabels.isEmpty() && !takesSourceLabels) {
        throw InvalidRelabelConfigException.notTaken(checkedAction, "source_labels", "[]");
      }
      return new RelabelConfig(
          sourceLabels, separator, regex, modulus, targetLabel, replacement, checkedAction);
    }
  }

  /** The string at {@code key}: the fallback when absent, empty when explicitly null. */
  private static String nullable(MappingReader m, String key, String fallback) {
    if (!m.has(key)) {
      return fallback;
    }
    return m.value(key).flatMap(ValueReader::text).orElse("");
  }

  private static RelabelRegex readRegex(MappingReader m) {
    if (!m.has("regex")) {
      return RelabelRegex.DEFAULT;
    }
    Optional<ValueReader> value = m.value("regex");
    if (value.isEmpty()) {
      return RelabelRegex.compile("");
    }
    Optional<String> text = value.get().text();
    try {
      return text.map(RelabelRegex::compile).orElse(RelabelRegex.DEFAULT);
    } catch (IllegalArgumentException e) {
      value
          .get()
          .problem(
              "must be an RE2 regular expression (" + e.getMessage() + ")",
              ConfigProblems.quote(text.get()));
      return RelabelRegex.DEFAULT;
    }
  }

  private static Optional<RelabelAction> readAction(MappingReader m) {
    if (!m.has("action")) {
      return Optional.of(RelabelAction.REPLACE);
    }
    if (m.value("action").isEmpty()) {
      m.problem("action", ACTION.expectation(), "null");
      return Optional.empty();
    }
    return m.value("action")
        .flatMap(v -> v.text().flatMap(text -> v.check(text, ACTION)))
        .flatMap(RelabelAction::fromYamlName);
  }
}
