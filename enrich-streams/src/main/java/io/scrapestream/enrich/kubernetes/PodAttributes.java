package io.scrapestream.enrich.kubernetes;

import io.scrapestream.core.config.ExtractRule;
import io.scrapestream.core.config.KubernetesAttribute;
import io.scrapestream.core.config.KubernetesEnrichSettings;
import io.scrapestream.schemas.v1.K8sObject;
import io.scrapestream.schemas.v1.OwnerReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resource attributes of a pod, as configured: metadata in the configured order, then pod
 * labels, pod annotations and namespace labels. Facts the pod does not have are left out.
 */
public final class PodAttributes {
  private final KubernetesEnrichSettings settings;

  public PodAttributes(KubernetesEnrichSettings settings) {
    this.settings = settings;
  }

  /** Key/value pairs, in order. */
  public List<Map.Entry<String, String>> of(K8sObject pod, MetadataLookup lookup) {
    List<Map.Entry<String, String>> attributes = new ArrayList<>();
    for (KubernetesAttribute attribute : settings.metadata()) {
      add(attributes, attribute.key(), metadata(pod, attribute));
    }
    copy(attributes, settings.labels(), pod.getLabelsMap());
    copy(attributes, settings.annotations(), pod.getAnnotationsMap());
    if (!settings.namespaceLabels().isEmpty() && !pod.getNamespace().isEmpty()) {
      Optional<K8sObject> namespace = lookup.get("ns/" + pod.getNamespace());
      namespace.ifPresent(ns -> copy(attributes, settings.namespaceLabels(), ns.getLabelsMap()));
    }
    return attributes;
  }

  private static String metadata(K8sObject pod, KubernetesAttribute attribute) {
    return switch (attribute) {
      case NAMESPACE_NAME -> pod.getNamespace();
      case POD_NAME -> pod.getName();
      case POD_UID -> pod.getUid();
      case NODE_NAME -> pod.getNodeName();
      case DEPLOYMENT_NAME -> owner(pod, "Deployment");
      case REPLICASET_NAME -> owner(pod, "ReplicaSet");
      case STATEFULSET_NAME -> owner(pod, "StatefulSet");
      case DAEMONSET_NAME -> owner(pod, "DaemonSet");
      case JOB_NAME -> owner(pod, "Job");
      case CRONJOB_NAME -> owner(pod, "CronJob");
    };
  }

  private static String owner(K8sObject pod, String kind) {
    for (OwnerReference owner : pod.getOwnersList()) {
      if (owner.getKind().equals(kind)) {
        return owner.getName();
      }
    }
    return "";
  }

  private static void copy(
      List<Map.Entry<String, String>> attributes,
      List<ExtractRule> rules,
      Map<String, String> from) {
    for (ExtractRule rule : rules) {
      add(attributes, rule.tagName(), from.getOrDefault(rule.key(), ""));
    }
  }

  private static void add(List<Map.Entry<String, String>> attributes, String key, String value) {
    if (!value.isEmpty()) {
      attributes.add(Map.entry(key, value));
    }
  }
}
