package io.scrapestream.core.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one present YAML node at a path into a Java value. Every conversion records a problem and
 * returns empty (or what was valid of a collection) instead of throwing, so that a load reports all
 * problems at once. Scalars are accepted as text wherever a string is expected; a list or mapping
 * is never. Typed scalars (booleans, integers) also accept a string holding {@code ${env:NAME}},
 * whose substituted value is then parsed.
 */
final class ValueReader {
  private final YamlNode node;
  private final String path;
  private final ReadContext ctx;

  ValueReader(YamlNode node, String path, ReadContext ctx) {
    this.node = node;
    this.path = path;
    this.ctx = ctx;
  }

  String path() {
    return path;
  }

  YamlNode node() {
    return node;
  }

  ReadContext ctx() {
    return ctx;
  }

  /** Records {@code <path>: <expectation>. Found: <found>}. */
  void problem(String expectation, String found) {
    ctx.problems().add(path, expectation, found);
  }

  /** The value when it passes the rule, else empty after recording the rule's expectation. */
  <T> Optional<T> check(T value, ValueRule<T> rule) {
    if (rule.test().test(value)) {
      return Optional.of(value);
    }
    problem(rule.expectation(), ConfigProblems.describe(value));
    return Optional.empty();
  }

  /** Any non-null scalar as text, with environment references substituted in strings. */
  Optional<String> text() {
    if (node instanceof YamlNode.Scalar scalar && !scalar.isNull()) {
      return scalar.kind() == YamlNode.Kind.STRING
          ? ctx.env().substitute(scalar.text(), path)
          : Optional.of(scalar.text());
    }
    problem("must be a string", YamlNode.describe(node));
    return Optional.empty();
  }

  Optional<Boolean> bool() {
    String expectation = "must be a boolean";
    return typedText(Set.of(YamlNode.Kind.BOOLEAN), expectation)
        .flatMap(
            text -> {
              if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return Optional.of(Boolean.parseBoolean(text));
              }
              problem(expectation, ConfigProblems.quote(text));
              return Optional.empty();
            });
  }

  Optional<Integer> integer() {
    String expectation = "must be an integer";
    return typedText(Set.of(YamlNode.Kind.INTEGER), expectation)
        .flatMap(
            text -> {
              try {
                return Optional.of(Integer.parseInt(text));
              } catch (NumberFormatException e) {
                boolean digits = text.matches("[-+]?[0-9]+");
                problem(
                    digits ? expectation + " between -2147483648 and 2147483647" : expectation,
                    found(text));
                return Optional.empty();
              }
            });
  }

  /** A Prometheus duration; a plain {@code 0} is accepted as zero. */
  Optional<Duration> duration() {
    String expectation = "must be a duration such as 30s, 1m30s or 500ms";
    Optional<String> text =
        typedText(Set.of(YamlNode.Kind.STRING, YamlNode.Kind.INTEGER), expectation);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<Duration> duration = PrometheusDuration.tryParse(text.get());
    if (duration.isEmpty()) {
      problem(expectation, found(text.get()));
    }
    return duration;
  }

  /** A list of strings; items that are not strings or fail the rule are reported and left out. */
  List<String> stringList(ValueRule<String> itemRule) {
    List<String> values = new ArrayList<>();
    for (ValueReader item : items()) {
      item.text().flatMap(text -> item.check(text, itemRule)).ifPresent(values::add);
    }
    return values;
  }

  /** A mapping of strings to strings; bad keys and values are reported and left out. */
  Map<String, String> stringMap(ValueRule<String> keyRule, ValueRule<String> valueRule) {
    Map<String, String> values = new LinkedHashMap<>();
    MappingReader mapping = MappingReader.of(this);
    for (String key : mapping.keys()) {
      ValueReader value = mapping.entry(key);
      Optional<String> checkedKey = value.check(key, keyRule);
      Optional<String> text = value.text().flatMap(v -> value.check(v, valueRule));
      if (checkedKey.isPresent() && text.isPresent()) {
        values.put(key, text.get());
      }
    }
    return values;
  }

  /** The items of a sequence; anything else is reported and reads as no items. */
  List<ValueReader> items() {
    if (!(node instanceof YamlNode.Sequence sequence)) {
      problem("must be a list", YamlNode.describe(node));
      return List.of();
    }
    List<ValueReader> items = new ArrayList<>();
    for (YamlNode item : sequence.items()) {
      items.add(new ValueReader(item, ConfigProblems.index(path, items.size()), ctx));
    }
    return items;
  }

  private Optional<String> typedText(Set<YamlNode.Kind> kinds, String expectation) {
    if (node instanceof YamlNode.Scalar scalar) {
      if (scalar.kind() == YamlNode.Kind.STRING
          && (kinds.contains(YamlNode.Kind.STRING) || EnvReferences.mentions(scalar.text()))) {
        return ctx.env().substitute(scalar.text(), path);
      }
      if (kinds.contains(scalar.kind())) {
        return Optional.of(scalar.text());
      }
    }
    problem(expectation, YamlNode.describe(node));
    return Optional.empty();
  }

  private String found(String text) {
    return node instanceof YamlNode.Scalar scalar && scalar.kind() == YamlNode.Kind.STRING
        ? ConfigProblems.quote(text)
        : text;
  }
}
