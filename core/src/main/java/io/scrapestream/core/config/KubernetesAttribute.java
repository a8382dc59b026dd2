package io.scrapestream.core.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A resource attribute that Kubernetes enrichment can take from a pod's metadata, named as in the
 * OpenTelemetry semantic conventions (and the Collector's {@code k8sattributes} processor).
 */
public enum KubernetesAttribute {
  NAMESPACE_NAME("k8s.namespace.name"),
  POD_NAME("k8s.pod.name"),
  POD_UID("k8s.pod.uid"),
  NODE_NAME("k8s.node.name"),
  DEPLOYMENT_NAME("k8s.deployment.name"),
  REPLICASET_NAME("k8s.replicaset.name"),
  STATEFULSET_NAME("k8s.statefulset.name"),
  DAEMONSET_NAME("k8s.daemonset.name"),
  JOB_NAME("k8s.job.name"),
  CRONJOB_NAME("k8s.cronjob.name");

  private final String key;

  KubernetesAttribute(String key) {
    this.key = key;
  }

  /** The attribute key, e.g. {@code k8s.pod.name}. */
  public String key() {
    return key;
  }

  /** The attribute whose {@link #key()} is {@code key}, if any. */
  public static Optional<KubernetesAttribute> fromKey(String key) {
    return Arrays.stream(values()).filter(a -> a.key.equals(key)).findFirst();
  }

  /** All keys, in declaration order. */
  public static List<String> keys() {
    return Arrays.stream(values()).map(KubernetesAttribute::key).toList();
  }

  /** What is extracted when {@code extract.metadata} is not given: all but the ReplicaSet. */
  public static List<KubernetesAttribute> defaults() {
    return Arrays.stream(values()).filter(a -> a != REPLICASET_NAME).toList();
  }
}
