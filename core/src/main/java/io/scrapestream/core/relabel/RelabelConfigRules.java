package io.scrapestream.core.relabel;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules of Prometheus's {@code relabel.Config.Validate}, in its order, each throwing an {@link
 * InvalidRelabelConfigException} that names the YAML field.
 */
final class RelabelConfigRules {
  private static final Set<RelabelAction> NEED_TARGET =
      EnumSet.of(
          RelabelAction.REPLACE,
          RelabelAction.HASHMOD,
          RelabelAction.LOWERCASE,
          RelabelAction.UPPERCASE,
          RelabelAction.KEEPEQUAL,
          RelabelAction.DROPEQUAL);
  private static final Set<RelabelAction> NO_REPLACEMENT =
      EnumSet.of(
          RelabelAction.LOWERCASE,
          RelabelAction.UPPERCASE,
          RelabelAction.KEEPEQUAL,
          RelabelAction.DROPEQUAL);
  private static final String NAME = "a valid label name matching " + LabelName.PATTERN;
  private static final String TEMPLATE =
      "a valid label name matching "
          + LabelName.PATTERN
          + ", in which $1, ${1}, $name or ${name} may stand for letters, digits and underscores";

  private RelabelConfigRules() {}

  static void requireSourceLabel(String name) {
    if (!LabelName.isValid(name)) {
      throw new InvalidRelabelConfigException(
          "source_labels",
          "must hold only valid label names matching " + LabelName.PATTERN,
          InvalidRelabelConfigException.quote(name));
    }
  }

  static void requireModulus(RelabelAction action, long modulus) {
    if (action == RelabelAction.HASHMOD && modulus == 0) {
      throw new InvalidRelabelConfigException(
          "modulus", "must be greater than 0 for action hashmod", "0");
    }
  }

  static void requireTargetLabel(RelabelAction action, String targetLabel) {
    if (!NEED_TARGET.contains(action)) {
      return;
    }
    String quoted = InvalidRelabelConfigException.quote(targetLabel);
    String suffix = " for action " + action.yamlName();
    if (targetLabel.isEmpty()) {
      throw new InvalidRelabelConfigException("target_label", "must be set" + suffix, quoted);
    }
    boolean template = action == RelabelAction.REPLACE && targetLabel.contains("$");
    if (template && !LabelName.isValidTemplate(targetLabel)) {
      throw new InvalidRelabelConfigException(
          "target_label", "must be " + TEMPLATE + suffix, quoted);
    }
    if (!template && !LabelName.isValid(targetLabel)) {
      throw new InvalidRelabelConfigException("target_label", "must be " + NAME + suffix, quoted);
    }
  }

  static void requireReplacement(RelabelAction action, String replacement) {
    String quoted = InvalidRelabelConfigException.quote(replacement);
    if (NO_REPLACEMENT.contains(action) && !replacement.equals(RelabelConfig.DEFAULT_REPLACEMENT)) {
      throw new InvalidRelabelConfigException(
          "replacement", "must not be set for action " + action.yamlName(), quoted);
    }
    if (action == RelabelAction.LABELMAP && !LabelName.isValidTemplate(replacement)) {
      throw new InvalidRelabelConfigException(
          "replacement", "must be " + TEMPLATE + " for action labelmap", quoted);
    }
  }

  /**
   * Throws for the first field in {@code described} (field name to its value as shown, null when
   * the field holds its default) that the action does not take.
   */
  static void requireOnlyTakenFields(RelabelAction action, Map<String, String> described) {
    List<String> taken = action.onlyFields().orElse(null);
    if (taken == null) {
      return;
    }
    described.forEach(
        (field, value) -> {
          if (value != null && !taken.contains(field)) {
            throw InvalidRelabelConfigException.notTaken(action, field, value);
          }
        });
  }

  /** Label names as shown after {@code Found:}: {@code ["a", "b"]}. */
  static String describe(List<String> names) {
    return names.stream()
        .map(InvalidRelabelConfigException::quote)
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
