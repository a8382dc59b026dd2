package io.scrapestream.enrich.kubernetes;

import io.scrapestream.schemas.v1.K8sObject;
import java.util.Optional;

/** Reads one {@code k8s.metadata} entry by key ({@code pod/<uid>}, {@code ip/<ip>}, ...). */
@FunctionalInterface
public interface MetadataLookup {
  Optional<K8sObject> get(String key);
}
