package io.scrapestream.core.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code enrich.kubernetes}: how a batch finds its pod in {@code k8s.metadata} and which of the
 * pod's facts become resource attributes (and, when {@code attributesAsLabels}, labels too).
 *
 * @param enabled whether batches are looked up at all
 * @param podAssociation the rules that find a batch's pod, tried in order
 * @param metadata the pod facts extracted, in this order
 * @param labels pod labels copied into attributes
 * @param annotations pod annotations copied into attributes
 * @param namespaceLabels labels of the pod's namespace copied into attributes
 * @param attributesAsLabels whether every series also gets each attribute as a label
 */
public record KubernetesEnrichSettings(
    boolean enabled,
    List<PodAssociation> podAssociation,
    List<KubernetesAttribute> metadata,
    List<ExtractRule> labels,
    List<ExtractRule> annotations,
    List<ExtractRule> namespaceLabels,
    boolean attributesAsLabels) {

  public KubernetesEnrichSettings {
    podAssociation = List.copyOf(podAssociation);
    metadata = List.copyOf(metadata);
    labels = List.copyOf(labels);
    annotations = List.copyOf(annotations);
    namespaceLabels = List.copyOf(namespaceLabels);
    requireUniqueAttributes(metadata, List.of(labels, annotations, namespaceLabels));
  }

  /** Enabled, {@link PodAssociation#defaults()}, {@link KubernetesAttribute#defaults()}. */
  public static KubernetesEnrichSettings defaults() {
    return new KubernetesEnrichSettings(
        true,
        PodAssociation.defaults(),
        KubernetesAttribute.defaults(),
        List.of(),
        List.of(),
        List.of(),
        false);
  }

  /** Every attribute key this configuration can write, in the order written. */
  public List<String> attributeKeys() {
    List<String> keys = new java.util.ArrayList<>();
    metadata.forEach(attribute -> keys.add(attribute.key()));
    for (List<ExtractRule> rules : List.of(labels, annotations, namespaceLabels)) {
      rules.forEach(rule -> keys.add(rule.tagName()));
    }
    return keys;
  }

  private static void requireUniqueAttributes(
      List<KubernetesAttribute> metadata, List<List<ExtractRule>> ruleLists) {
    Set<String> seen = new HashSet<>();
    for (KubernetesAttribute attribute : metadata) {
      requireNew(seen, attribute.key());
    }
    for (List<ExtractRule> rules : ruleLists) {
      rules.forEach(rule -> requireNew(seen, rule.tagName()));
    }
  }

  private static void requireNew(Set<String> seen, String key) {
    if (!seen.add(key)) {
      throw new IllegalArgumentException(
          "attribute keys must be unique. Found: " + ConfigProblems.quote(key) + " twice");
    }
  }
}
