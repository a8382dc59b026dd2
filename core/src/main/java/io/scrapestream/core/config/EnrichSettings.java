package io.scrapestream.core.config;

import java.util.Map;
import java.util.Objects;

/**
 * The {@code enrich} section: the Kafka Streams application id and processing guarantee, the
 * staleness stage, Kubernetes enrichment, and the cluster-wide resource attributes every batch gets
 * (such as {@code k8s.cluster.name}, sorted by key).
 */
public record EnrichSettings(
    String applicationId,
    ProcessingGuarantee processingGuarantee,
    KubernetesEnrichSettings kubernetes,
    Map<String, String> resourceAttributes,
    StalenessSettings staleness) {
  public static final String DEFAULT_APPLICATION_ID = "scrapestream-enrich";

  public EnrichSettings {
    ConfigRules.require("applicationId", applicationId, ConfigRules.APPLICATION_ID);
    Objects.requireNonNull(processingGuarantee, "processingGuarantee must not be null");
    Objects.requireNonNull(kubernetes, "kubernetes must not be null");
    Objects.requireNonNull(staleness, "staleness must not be null");
    resourceAttributes = ConfigCollections.sorted("resourceAttributes", resourceAttributes);
    resourceAttributes.forEach(
        (key, value) -> {
          ConfigRules.require("resourceAttributes key", key, ConfigRules.NOT_EMPTY);
          ConfigRules.require("resourceAttributes value", value, ConfigRules.NOT_EMPTY);
        });
    for (String key : kubernetes.attributeKeys()) {
      if (resourceAttributes.containsKey(key)) {
        throw new IllegalArgumentException(
            "resourceAttributes must not repeat a key Kubernetes enrichment writes. Found: "
                + ConfigProblems.quote(key));
      }
    }
  }

  /** The given id and guarantee, everything else default. */
  public EnrichSettings(String applicationId, ProcessingGuarantee processingGuarantee) {
    this(
        applicationId,
        processingGuarantee,
        KubernetesEnrichSettings.defaults(),
        Map.of(),
        StalenessSettings.defaults());
  }

  /** {@code scrapestream-enrich}, at least once, staleness and Kubernetes enrichment on. */
  public static EnrichSettings defaults() {
    return new EnrichSettings(DEFAULT_APPLICATION_ID, ProcessingGuarantee.AT_LEAST_ONCE);
  }
}
