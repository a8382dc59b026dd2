package io.scrapestream.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A YAML document as a small tree that keeps each scalar's text exactly as written, so that a
 * string field reads {@code 1.10} or {@code 0123} as the user wrote it (as Prometheus does), while
 * typed fields still know whether a scalar was a number, a boolean or null.
 */
sealed interface YamlNode {

  /** What YAML resolved a scalar to. Quoted scalars are always {@link #STRING}. */
  enum Kind {
    STRING,
    INTEGER,
    FLOAT,
    BOOLEAN,
    NULL
  }

  /** A mapping, keys in document order. */
  record Mapping(Map<String, YamlNode> entries) implements YamlNode {
    public Mapping {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    static Mapping empty() {
      return new Mapping(Map.of());
    }
  }

  /** A sequence. */
  record Sequence(List<YamlNode> items) implements YamlNode {
    public Sequence {
      items = List.copyOf(items);
    }
  }

  /** A scalar with its text as written. */
  record Scalar(String text, Kind kind) implements YamlNode {
    public Scalar {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(kind, "kind");
    }

    boolean isNull() {
      return kind == Kind.NULL;
    }
  }

  /** True for an absent node or an explicit null ({@code ~}, {@code null} or nothing). */
  static boolean isAbsent(YamlNode node) {
    return node == null || node instanceof Scalar scalar && scalar.isNull();
  }

  /**
   * How a node is shown after {@code Found:} in a problem: strings quoted, other scalars as
   * written, collections by kind.
   */
  static String describe(YamlNode node) {
    if (node instanceof Mapping) {
      return "a mapping";
    }
    if (node instanceof Sequence) {
      return "a list";
    }
    Scalar scalar = (Scalar) node;
    return switch (scalar.kind()) {
      case STRING -> ConfigProblems.quote(scalar.text());
      case NULL -> "null";
      default -> scalar.text();
    };
  }
}
