package io.scrapestream.core.relabel;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The relabel actions of Prometheus, written in YAML in lower case ({@code labelmap}). Like
 * Prometheus, reading a name ignores case ({@code Replace} is {@code replace}).
 */
public enum RelabelAction {
  REPLACE,
  KEEP,
  DROP,
  KEEPEQUAL,
  DROPEQUAL,
  HASHMOD,
  LABELMAP,
  LABELDROP,
  LABELKEEP,
  LOWERCASE,
  UPPERCASE;

  /** The name written in YAML, such as {@code labelmap}. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every YAML name, in declaration order. */
  public static List<String> yamlNames() {
    return Arrays.stream(values()).map(RelabelAction::yamlName).toList();
  }

  /** The action named {@code name}, ignoring case; empty when there is none. */
  public static Optional<RelabelAction> fromYamlName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(a -> a.yamlName().equals(lower)).findFirst();
  }

  /**
   * The only fields this action accepts besides {@code action}, or empty when it accepts all:
   * {@code keepequal}/{@code dropequal} take source_labels and target_label, {@code
   * labeldrop}/{@code labelkeep} take regex.
   */
  public Optional<List<String>> onlyFields() {
    return switch (this) {
      case KEEPEQUAL, DROPEQUAL -> Optional.of(List.of("source_labels", "target_label"));
      case LABELDROP, LABELKEEP -> Optional.of(List.of("regex"));
      default -> Optional.empty();
    };
  }
}
