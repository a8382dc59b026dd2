package io.scrapestream.core.relabel;

import java.util.List;

/** Builds {@link RelabelConfig}s for tests, starting from Prometheus's defaults. */
final class Rule {
  private List<String> sourceLabels = List.of();
  private String separator = RelabelConfig.DEFAULT_SEPARATOR;
  private RelabelRegex regex = RelabelRegex.DEFAULT;
  private long modulus;
  private String targetLabel = "";
  private String replacement = RelabelConfig.DEFAULT_REPLACEMENT;
  private final RelabelAction action;

  private Rule(RelabelAction action) {
    this.action = action;
  }

  static Rule of(RelabelAction action) {
    return new Rule(action);
  }

  Rule source(String... names) {
    sourceLabels = List.of(names);
    return this;
  }

  Rule separator(String value) {
    separator = value;
    return this;
  }

  Rule regex(String expression) {
    regex = RelabelRegex.compile(expression);
    return this;
  }

  Rule modulus(long value) {
    modulus = value;
    return this;
  }

  Rule target(String name) {
    targetLabel = name;
    return this;
  }

  Rule replacement(String value) {
    replacement = value;
    return this;
  }

  RelabelConfig build() {
    return new RelabelConfig(
        sourceLabels, separator, regex, modulus, targetLabel, replacement, action);
  }
}
