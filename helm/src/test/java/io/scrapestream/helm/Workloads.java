package io.scrapestream.helm;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The pod specs of the rendered workloads, by {@code Kind/name}. */
final class Workloads {
  private Workloads() {}

  static Map<String, PodSpec> podSpecs(List<HasMetadata> resources) {
    Map<String, PodSpec> specs = new LinkedHashMap<>();
    for (HasMetadata resource : resources) {
      String key = resource.getKind() + "/" + resource.getMetadata().getName();
      if (resource instanceof Deployment d) {
        specs.put(key, d.getSpec().getTemplate().getSpec());
      } else if (resource instanceof StatefulSet s) {
        specs.put(key, s.getSpec().getTemplate().getSpec());
      } else if (resource instanceof Job j) {
        specs.put(key, j.getSpec().getTemplate().getSpec());
      }
    }
    return specs;
  }

  /** Long-running workloads (Deployments and StatefulSets), without Jobs. */
  static Map<String, PodSpec> longRunning(List<HasMetadata> resources) {
    Map<String, PodSpec> specs = podSpecs(resources);
    specs.keySet().removeIf(key -> key.startsWith("Job/"));
    return specs;
  }
}
