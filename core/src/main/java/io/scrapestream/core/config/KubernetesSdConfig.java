package io.scrapestream.core.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of a job's {@code kubernetes_sd_configs}, with Prometheus's keys and rules. Without
 * {@code api_server} and {@code kubeconfig_file} the allocator's own (in-cluster) connection is
 * used. Prometheus's HTTP client keys (authorization, tls_config, ...) are not supported.
 *
 * @param selectors at most one per role, each of a role that {@code role} accepts
 */
public record KubernetesSdConfig(
    KubernetesRole role,
    Optional<URI> apiServer,
    Optional<Path> kubeconfigFile,
    KubernetesNamespaces namespaces,
    List<KubernetesSelector> selectors,
    KubernetesAttachMetadata attachMetadata) {

  public KubernetesSdConfig {
    Objects.requireNonNull(role, "role must not be null");
    Objects.requireNonNull(apiServer, "apiServer must not be null");
    Objects.requireNonNull(kubeconfigFile, "kubeconfigFile must not be null");
    Objects.requireNonNull(namespaces, "namespaces must not be null");
    Objects.requireNonNull(attachMetadata, "attachMetadata must not be null");
    selectors = List.copyOf(selectors);
    if (apiServer.isPresent() && kubeconfigFile.isPresent()) {
      throw new IllegalArgumentException(
          "kubeconfigFile must not be set together with apiServer. Found: " + kubeconfigFile.get());
    }
    if (namespaces.ownNamespace() && (apiServer.isPresent() || kubeconfigFile.isPresent())) {
      throw new IllegalArgumentException(
          "namespaces.ownNamespace must not be true with apiServer or kubeconfigFile. Found: true");
    }
    requireSelectorRoles(role, selectors);
  }

  /** Discovery of {@code role} objects in every namespace of the allocator's own cluster. */
  public static KubernetesSdConfig of(KubernetesRole role) {
    return new KubernetesSdConfig(
        role,
        Optional.empty(),
        Optional.empty(),
        KubernetesNamespaces.all(),
        List.of(),
        KubernetesAttachMetadata.none());
  }

  /** The selector for objects of {@code selectorRole}, if one is configured. */
  public Optional<KubernetesSelector> selector(KubernetesRole selectorRole) {
    return selectors.stream().filter(s -> s.role() == selectorRole).findFirst();
  }

  private static void requireSelectorRoles(
      KubernetesRole role, List<KubernetesSelector> selectors) {
    Set<KubernetesRole> seen = new HashSet<>();
    for (KubernetesSelector selector : selectors) {
      if (!role.selectorRoles().contains(selector.role())) {
        throw new IllegalArgumentException(
            "selectors of role "
                + role.configName()
                + " must have role "
                + names(role.selectorRoles())
                + ". Found: "
                + selector.role().configName());
      }
      if (!seen.add(selector.role())) {
        throw new IllegalArgumentException(
            "selectors must have distinct roles. Found: "
                + selector.role().configName()
                + " twice");
      }
    }
  }

  static String names(List<KubernetesRole> roles) {
    return String.join(", ", roles.stream().map(KubernetesRole::configName).toList());
  }
}
