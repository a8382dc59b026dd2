package io.scrapestream.core.config;

import io.scrapestream.core.relabel.RelabelRegex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the RE2 regexes of {@code transforms}, each problem with its path. */
final class TransformRegexes {
  private TransformRegexes() {}

  /** A list of regexes under {@code key}; absent reads as none. */
  static List<RelabelRegex> list(MappingReader m, String key) {
    List<RelabelRegex> regexes = new ArrayList<>();
    m.value(key).ifPresent(v -> v.items().forEach(item -> one(item).ifPresent(regexes::add)));
    return regexes;
  }

  /** A mapping of label names to regexes under {@code key}; absent reads as empty. */
  static Map<String, RelabelRegex> labelMap(MappingReader m, String key) {
    Map<String, RelabelRegex> regexes = new LinkedHashMap<>();
    MappingReader labels = m.mapping(key);
    for (String name : labels.keys()) {
      ValueReader value = labels.entry(name);
      Optional<String> checked = value.check(name, ConfigRules.LABEL_NAME);
      Optional<RelabelRegex> regex = one(value);
      if (checked.isPresent() && regex.isPresent()) {
        regexes.put(name, regex.get());
      }
    }
    return regexes;
  }

  /** A required regex under {@code key}. */
  static Optional<RelabelRegex> required(MappingReader m, String key) {
    if (m.required(key, ValueRule.any()).isEmpty()) {
      return Optional.empty();
    }
    return one(m.entry(key));
  }

  static Optional<RelabelRegex> one(ValueReader value) {
    Optional<String> text = value.text();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(RelabelRegex.compile(text.get()));
    } catch (IllegalArgumentException e) {
      value.problem(
          "must be an RE2 regular expression (" + e.getMessage() + ")",
          ConfigProblems.quote(text.get()));
      return Optional.empty();
    }
  }
}
