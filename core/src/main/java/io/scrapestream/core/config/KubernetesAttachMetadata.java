package io.scrapestream.core.config;

/**
 * The {@code attach_metadata} of a {@code kubernetes_sd_configs} entry.
 *
 * @param node add the labels and annotations of the target's node (roles pod, endpoints,
 *     endpointslice)
 * @param namespace add the labels and annotations of the target's namespace (every namespaced role)
 */
public record KubernetesAttachMetadata(boolean node, boolean namespace) {
  /** Nothing attached. */
  public static KubernetesAttachMetadata none() {
    return new KubernetesAttachMetadata(false, false);
  }
}
