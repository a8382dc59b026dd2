package io.scrapestream.core.relabel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One relabel config in Prometheus's syntax, validated as Prometheus's {@code Config.Validate}
 * validates it: the first rule broken throws an {@link InvalidRelabelConfigException} naming the
 * YAML field. Defaults are Prometheus's: separator {@code ;}, regex {@link RelabelRegex#DEFAULT},
 * modulus 0, no target label, replacement {@code $1}, action {@code replace}.
 *
 * <p>As in Prometheus, an unset regex is {@link RelabelRegex#DEFAULT} itself: {@code keepequal} and
 * {@code dropequal} refuse any other instance, even one written {@code (.*)}. The modulus is an
 * unsigned 64-bit number held in a {@code long}. Label names follow the legacy scheme (see {@link
 * LabelName}).
 */
public record RelabelConfig(
    List<String> sourceLabels,
    String separator,
    RelabelRegex regex,
    long modulus,
    String targetLabel,
    String replacement,
    RelabelAction action) {
  public static final String DEFAULT_SEPARATOR = ";";
  public static final String DEFAULT_REPLACEMENT = "$1";

  public RelabelConfig {
    sourceLabels = List.copyOf(Objects.requireNonNull(sourceLabels, "sourceLabels"));
    Objects.requireNonNull(separator, "separator");
    Objects.requireNonNull(regex, "regex");
    Objects.requireNonNull(targetLabel, "targetLabel");
    Objects.requireNonNull(replacement, "replacement");
    Objects.requireNonNull(action, "action");
    sourceLabels.forEach(RelabelConfigRules::requireSourceLabel);
    RelabelConfigRules.requireModulus(action, modulus);
    RelabelConfigRules.requireTargetLabel(action, targetLabel);
    RelabelConfigRules.requireReplacement(action, replacement);
    Map<String, String> set = new LinkedHashMap<>();
    if (!sourceLabels.isEmpty()) {
      set.put("source_labels", RelabelConfigRules.describe(sourceLabels));
    }
    set.put("regex", regex == RelabelRegex.DEFAULT ? null : quote(regex.expression()));
    set.put("modulus", modulus == 0 ? null : Long.toUnsignedString(modulus));
    set.put("separator", separator.equals(DEFAULT_SEPARATOR) ? null : quote(separator));
    set.put("target_label", targetLabel.isEmpty() ? null : quote(targetLabel));
    set.put("replacement", replacement.equals(DEFAULT_REPLACEMENT) ? null : quote(replacement));
    RelabelConfigRules.requireOnlyTakenFields(action, set);
  }

  private static String quote(String text) {
    return InvalidRelabelConfigException.quote(text);
  }
}
