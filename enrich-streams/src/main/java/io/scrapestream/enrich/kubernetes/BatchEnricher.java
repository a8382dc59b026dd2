package io.scrapestream.enrich.kubernetes;

import io.scrapestream.core.config.EnrichSettings;
import io.scrapestream.core.config.KubernetesEnrichSettings;
import io.scrapestream.enrich.batch.IndexedBatch;
import io.scrapestream.schemas.v1.K8sObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Attaches a batch's resource attributes once: its pod's (when Kubernetes enrichment is on and the
 * pod is found), then the cluster-wide ones from configuration. With {@code attributes_as_labels}
 * each attribute also becomes a label of every series, under its Prometheus name.
 */
public final class BatchEnricher {
  /** The outcome of the pod lookup. */
  public enum Lookup {
    HIT,
    MISS,
    /** Kubernetes enrichment is off. */
    OFF
  }

  private final KubernetesEnrichSettings kubernetes;
  private final List<Map.Entry<String, String>> clusterAttributes;
  private final PodLocator locator;
  private final PodAttributes podAttributes;

  public BatchEnricher(EnrichSettings settings) {
    this.kubernetes = settings.kubernetes();
    this.clusterAttributes = List.copyOf(settings.resourceAttributes().entrySet());
    this.locator = new PodLocator(kubernetes.podAssociation());
    this.podAttributes = new PodAttributes(kubernetes);
  }

  public Lookup enrich(IndexedBatch batch, MetadataLookup lookup) {
    List<Map.Entry<String, String>> attributes = new ArrayList<>();
    Lookup outcome = Lookup.OFF;
    if (kubernetes.enabled()) {
      Optional<K8sObject> pod = locator.find(batch.target(), lookup);
      outcome = pod.isPresent() ? Lookup.HIT : Lookup.MISS;
      pod.ifPresent(p -> attributes.addAll(podAttributes.of(p, lookup)));
    }
    attributes.addAll(clusterAttributes);
    Set<String> labelNames = new HashSet<>();
    for (Map.Entry<String, String> attribute : attributes) {
      batch.addResourceAttribute(attribute.getKey(), attribute.getValue());
      if (kubernetes.attributesAsLabels()) {
        String labelName = AttributeLabels.labelName(attribute.getKey());
        if (labelNames.add(labelName)) {
          batch.addLabelToEverySeries(labelName, attribute.getValue());
        }
      }
    }
    return outcome;
  }
}
