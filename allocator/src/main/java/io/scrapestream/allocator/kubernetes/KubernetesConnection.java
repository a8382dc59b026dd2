package io.scrapestream.allocator.kubernetes;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.scrapestream.core.config.KubernetesSdConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Which cluster a {@code kubernetes_sd_config} talks to: {@code api_server} (no credentials, as in
 * Prometheus without HTTP client settings), {@code kubeconfig_file}, or neither for the allocator's
 * own connection (in-cluster service account, else {@code ~/.kube/config}). Configs with the same
 * connection share one client and one set of informers.
 */
public record KubernetesConnection(Optional<URI> apiServer, Optional<Path> kubeconfigFile) {
  /** The allocator's own connection. */
  public static final KubernetesConnection DEFAULT =
      new KubernetesConnection(Optional.empty(), Optional.empty());

  public KubernetesConnection {
    Objects.requireNonNull(apiServer, "apiServer must not be null");
    Objects.requireNonNull(kubeconfigFile, "kubeconfigFile must not be null");
  }

  public static KubernetesConnection of(KubernetesSdConfig config) {
    return new KubernetesConnection(config.apiServer(), config.kubeconfigFile());
  }

  /** A new client for this connection; the caller closes it. */
  public KubernetesClient connect() {
    if (kubeconfigFile.isPresent()) {
      Config config = Config.fromKubeconfig(null, kubeconfigFile.get().toFile());
      return new KubernetesClientBuilder().withConfig(config).build();
    }
    if (apiServer.isPresent()) {
      Config config =
          new ConfigBuilder(Config.empty()).withMasterUrl(apiServer.get().toString()).build();
      return new KubernetesClientBuilder().withConfig(config).build();
    }
    return new KubernetesClientBuilder().build();
  }
}
