package io.scrapestream.core.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code allocator.kubernetes} section: how the allocator finds its scrapers in Kubernetes and
 * whether it publishes pod, namespace and node metadata to the {@code k8s.metadata} topic.
 *
 * @param scraperSelector label selector of the scraper pods; empty when membership does not come
 *     from Kubernetes
 * @param scraperNamespace namespace of the scraper pods; empty means the allocator's own
 * @param notReadyGrace how long a scraper pod that turned not-ready stays a member
 * @param metadataEnabled publish {@code k8s.metadata}
 */
public record KubernetesAllocatorSettings(
    Optional<LabelSelector> scraperSelector,
    Optional<String> scraperNamespace,
    Duration notReadyGrace,
    boolean metadataEnabled) {
  public static final Duration DEFAULT_NOT_READY_GRACE = Duration.ofSeconds(30);

  public KubernetesAllocatorSettings {
    Objects.requireNonNull(scraperSelector, "scraperSelector must not be null");
    Objects.requireNonNull(scraperNamespace, "scraperNamespace must not be null");
    ConfigRules.require("notReadyGrace", notReadyGrace, ConfigRules.NOT_NEGATIVE_DURATION);
    scraperNamespace.ifPresent(
        ns -> ConfigRules.require("scraperNamespace", ns, ConfigRules.NOT_EMPTY));
  }

  /** No scraper selector, own namespace, 30s grace, metadata published. */
  public static KubernetesAllocatorSettings defaults() {
    return new KubernetesAllocatorSettings(
        Optional.empty(), Optional.empty(), DEFAULT_NOT_READY_GRACE, true);
  }
}
