package io.scrapestream.core.config;

/**
 * One pod label, pod annotation or namespace label copied into a resource attribute: {@code key} is
 * read, {@code tagName} is the attribute written.
 */
public record ExtractRule(String key, String tagName) {
  /** Default tag of a pod label: {@code k8s.pod.labels.<key>}, as in {@code k8sattributes}. */
  public static final String POD_LABEL_PREFIX = "k8s.pod.labels.";

  /** Default tag of a pod annotation: {@code k8s.pod.annotations.<key>}. */
  public static final String POD_ANNOTATION_PREFIX = "k8s.pod.annotations.";

  /** Default tag of a namespace label: {@code k8s.namespace.labels.<key>}. */
  public static final String NAMESPACE_LABEL_PREFIX = "k8s.namespace.labels.";

  public ExtractRule {
    ConfigRules.require("key", key, ConfigRules.NOT_EMPTY);
    ConfigRules.require("tagName", tagName, ConfigRules.NOT_EMPTY);
  }
}
