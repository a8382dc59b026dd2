package io.scrapestream.allocator.metadata;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What is published about a pod, as plain values (no Kubernetes client types).
 *
 * @param podIps every pod IP ({@code status.podIP} and {@code status.podIPs}), without duplicates
 * @param hostNetwork the pod shares its node's IP, so its IPs must not identify it
 * @param owners the controller chain from the pod up, e.g. ReplicaSet then Deployment
 */
public record PodMetadata(
    String uid,
    String name,
    String namespace,
    Map<String, String> labels,
    Map<String, String> annotations,
    String podIp,
    List<String> podIps,
    boolean hostNetwork,
    String nodeName,
    List<Owner> owners,
    String phase,
    List<ContainerInfo> containers) {

  public PodMetadata {
    Objects.requireNonNull(uid, "uid must not be null");
    Objects.requireNonNull(name, "name must not be null");
    Objects.requireNonNull(namespace, "namespace must not be null");
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
    Objects.requireNonNull(podIp, "podIp must not be null");
    podIps = List.copyOf(podIps);
    Objects.requireNonNull(nodeName, "nodeName must not be null");
    owners = List.copyOf(owners);
    Objects.requireNonNull(phase, "phase must not be null");
    containers = List.copyOf(containers);
  }

  /** One link of the owner chain. */
  public record Owner(String kind, String name, String uid) {
    public Owner {
      Objects.requireNonNull(kind, "kind must not be null");
      Objects.requireNonNull(name, "name must not be null");
      Objects.requireNonNull(uid, "uid must not be null");
    }
  }

  /** A container and the ID of its running instance (empty before it starts). */
  public record ContainerInfo(String name, String image, String containerId) {
    public ContainerInfo {
      Objects.requireNonNull(name, "name must not be null");
      Objects.requireNonNull(image, "image must not be null");
      Objects.requireNonNull(containerId, "containerId must not be null");
    }
  }
}
