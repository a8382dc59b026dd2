package io.scrapestream.core.config;

import java.util.Objects;

/**
 * One entry of {@code kubernetes_sd_configs[].selectors}: the objects of {@code role} considered
 * are those matching both selectors.
 */
public record KubernetesSelector(KubernetesRole role, LabelSelector label, FieldSelector field) {
  public KubernetesSelector {
    Objects.requireNonNull(role, "role must not be null");
    Objects.requireNonNull(label, "label must not be null");
    Objects.requireNonNull(field, "field must not be null");
    for (String name : field.fieldNames()) {
      if (!role.selectableFields().contains(name)) {
        throw new IllegalArgumentException(
            "field selector of role "
                + role.configName()
                + " must name only "
                + String.join(", ", role.selectableFields())
                + ". Found: \""
                + name
                + "\"");
      }
    }
  }
}
