package io.scrapestream.core.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A Kubernetes label selector ({@code app=web,tier in (a,b),!canary}), parsed once and evaluated
 * against an object's labels, with the grammar and meaning of {@code k8s.io/apimachinery/labels}:
 * {@code =}, {@code ==}, {@code !=}, {@code in}, {@code notin}, {@code >}, {@code <}, {@code key}
 * (exists) and {@code !key} (does not exist). The empty selector matches everything.
 *
 * @param text the selector as written
 * @param requirements all must hold for a match
 */
public record LabelSelector(String text, List<Requirement> requirements) {
  private static final LabelSelector EVERYTHING = new LabelSelector("", List.of());

  public LabelSelector {
    Objects.requireNonNull(text, "text must not be null");
    requirements = List.copyOf(requirements);
  }

  /** The selector that matches every object. */
  public static LabelSelector everything() {
    return EVERYTHING;
  }

  /**
   * Parses a selector.
   *
   * @throws IllegalArgumentException naming what is wrong and where, e.g. {@code expected a value
   *     after "=" at position 4}
   */
  public static LabelSelector parse(String text) {
    return new LabelSelector(text, new LabelSelectorParser(text).parse());
  }

  /** True when the selector has no requirements and so matches everything. */
  public boolean isEmpty() {
    return requirements.isEmpty();
  }

  /** True when every requirement holds for these labels. */
  public boolean matches(Map<String, String> labels) {
    for (Requirement requirement : requirements) {
      if (!requirement.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return text;
  }

  /** How a requirement compares a label with its values. */
  public enum Operator {
    EQUALS,
    NOT_EQUALS,
    IN,
    NOT_IN,
    EXISTS,
    DOES_NOT_EXIST,
    GREATER_THAN,
    LESS_THAN
  }

  /** One comma-separated part of a selector. */
  public record Requirement(String key, Operator operator, Set<String> values) {
    public Requirement {
      Objects.requireNonNull(key, "key must not be null");
      Objects.requireNonNull(operator, "operator must not be null");
      values = Set.copyOf(values);
    }

    /** True when the labels satisfy this requirement. */
    public boolean matches(Map<String, String> labels) {
      String value = labels.get(key);
      return switch (operator) {
        case EQUALS, IN -> value != null && values.contains(value);
        case NOT_EQUALS, NOT_IN -> value == null || !values.contains(value);
        case EXISTS -> value != null;
        case DOES_NOT_EXIST -> value == null;
        case GREATER_THAN, LESS_THAN -> value != null && compares(value);
      };
    }

    private boolean compares(String value) {
      long bound = Long.parseLong(values.iterator().next());
      try {
        long actual = Long.parseLong(value);
        return operator == Operator.GREATER_THAN ? actual > bound : actual < bound;
      } catch (NumberFormatException e) {
        return false;
      }
    }
  }
}
