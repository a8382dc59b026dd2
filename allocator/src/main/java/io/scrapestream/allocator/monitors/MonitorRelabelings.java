package io.scrapestream.allocator.monitors;

import io.scrapestream.core.relabel.RelabelAction;
import io.scrapestream.core.relabel.RelabelConfig;
import io.scrapestream.core.relabel.RelabelRegex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Relabel configs: those prometheus-operator generates (keep by selector, copy meta labels) and
 * those a monitor writes ({@code relabelings}, {@code metricRelabelings}, camel-cased keys).
 */
final class MonitorRelabelings {
  private MonitorRelabelings() {}

  static RelabelConfig keep(List<String> sources, String regex) {
    return filter(RelabelAction.KEEP, sources, regex);
  }

  static RelabelConfig drop(List<String> sources, String regex) {
    return filter(RelabelAction.DROP, sources, regex);
  }

  private static RelabelConfig filter(RelabelAction action, List<String> sources, String regex) {
    return new RelabelConfig(
        sources,
        ";",
        RelabelRegex.compile(regex),
        0,
        "",
        RelabelConfig.DEFAULT_REPLACEMENT,
        action);
  }

  /** {@code target = value of source} (when it matches {@code (.*)}). */
  static RelabelConfig copy(String source, String target) {
    return new RelabelConfig(
        List.of(source), ";", RelabelRegex.DEFAULT, 0, target, "${1}", RelabelAction.REPLACE);
  }

  /** {@code target = value of source} when the value is not empty. */
  static RelabelConfig copyNonEmpty(String source, String target) {
    return new RelabelConfig(
        List.of(source),
        ";",
        RelabelRegex.compile("(.+)"),
        0,
        target,
        "${1}",
        RelabelAction.REPLACE);
  }

  static RelabelConfig set(String target, String value) {
    return new RelabelConfig(
        List.of(), ";", RelabelRegex.DEFAULT, 0, target, value, RelabelAction.REPLACE);
  }

  /** Keeps objects whose labels (meta prefix {@code prefix}) match a Kubernetes label selector. */
  static List<RelabelConfig> selector(String prefix, SpecTree selector) {
    List<RelabelConfig> rules = new ArrayList<>();
    selector
        .stringMap("matchLabels")
        .forEach((k, v) -> rules.add(keep(pair(prefix, k), "(" + v + ");true")));
    for (SpecTree expression : selector.trees("matchExpressions")) {
      String key =
          expression
              .string("key")
              .orElseThrow(() -> expression.invalid("key", "must be set", "nothing"));
      String operator = expression.string("operator").orElse("");
      String values = String.join("|", expression.strings("values"));
      rules.add(
          switch (operator) {
            case "In" -> keep(pair(prefix, key), "(" + values + ");true");
            case "NotIn" -> drop(pair(prefix, key), "(" + values + ");true");
            case "Exists" -> keep(List.of(present(prefix, key)), "true");
            case "DoesNotExist" -> drop(List.of(present(prefix, key)), "true");
            default ->
                throw expression.invalid(
                    "operator", "must be one of: In, NotIn, Exists, DoesNotExist", operator);
          });
    }
    return rules;
  }

  private static List<String> pair(String prefix, String key) {
    return List.of(prefix + "label_" + sanitize(key), present(prefix, key));
  }

  private static String present(String prefix, String key) {
    return prefix + "labelpresent_" + sanitize(key);
  }

  /** A Kubernetes label name as a Prometheus label name suffix. */
  static String sanitize(String name) {
    return name.replaceAll("[^a-zA-Z0-9_]", "_");
  }

  /** A monitor's own {@code relabelings} or {@code metricRelabelings}. */
  static List<RelabelConfig> written(SpecTree owner, String key) {
    List<RelabelConfig> rules = new ArrayList<>();
    for (SpecTree rule : owner.trees(key)) {
      rules.add(parse(rule));
    }
    return rules;
  }

  private static RelabelConfig parse(SpecTree rule) {
    String actionName = rule.string("action").orElse("replace").toLowerCase(Locale.ROOT);
    RelabelAction action =
        RelabelAction.fromYamlName(actionName)
            .orElseThrow(
                () ->
                    rule.invalid(
                        "action", "must be one of: " + RelabelAction.yamlNames(), actionName));
    try {
      return new RelabelConfig(
          rule.strings("sourceLabels"),
          rule.string("separator").orElse(RelabelConfig.DEFAULT_SEPARATOR),
          rule.string("regex").map(RelabelRegex::compile).orElse(RelabelRegex.DEFAULT),
          rule.string("modulus").map(Long::parseUnsignedLong).orElse(0L),
          rule.string("targetLabel").orElse(""),
          rule.string("replacement").orElse(RelabelConfig.DEFAULT_REPLACEMENT),
          action);
    } catch (IllegalArgumentException e) {
      throw new MonitorRejectedException(RejectReason.INVALID, rule.path() + ": " + e.getMessage());
    }
  }
}
