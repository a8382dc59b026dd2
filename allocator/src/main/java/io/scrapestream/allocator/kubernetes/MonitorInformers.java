package io.scrapestream.allocator.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.scrapestream.allocator.monitors.MonitorJobSource;
import io.scrapestream.allocator.monitors.MonitorResource;
import io.scrapestream.allocator.monitors.SecretLookup;
import io.scrapestream.core.config.MonitorKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One informer per monitor kind ({@code monitoring.coreos.com} as generic resources, no model
 * dependency), feeding a {@link MonitorJobSource}. Secrets are read on demand ({@code get} only),
 * afresh on every change of the monitor that references them.
 */
public final class MonitorInformers implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MonitorInformers.class);

  private final KubernetesClient client;
  private final List<SharedIndexInformer<GenericKubernetesResource>> informers = new ArrayList<>();

  public MonitorInformers(
      KubernetesClient client, List<MonitorKind> kinds, MonitorJobSource source) {
    this.client = client;
    for (MonitorKind kind : kinds) {
      SharedIndexInformer<GenericKubernetesResource> informer =
          client.genericKubernetesResources(context(kind)).inAnyNamespace().runnableInformer(0);
      informer.addEventHandler(handler(kind, source));
      informers.add(informer);
      informer.start();
      LOG.info("Kubernetes informer started: kind={} namespace=(all)", kind.configName());
    }
  }

  /** The labels of {@code namespace}, empty when it cannot be read. */
  public static Map<String, String> namespaceLabels(KubernetesClient client, String namespace) {
    Namespace found = client.namespaces().withName(namespace).get();
    return found == null || found.getMetadata().getLabels() == null
        ? Map.of()
        : found.getMetadata().getLabels();
  }

  private static ResourceDefinitionContext context(MonitorKind kind) {
    return new ResourceDefinitionContext.Builder()
        .withGroup(MonitorKind.GROUP)
        .withVersion(kind.version())
        .withKind(kind.configName())
        .withPlural(kind.plural())
        .withNamespaced(true)
        .build();
  }

  private ResourceEventHandler<GenericKubernetesResource> handler(
      MonitorKind kind, MonitorJobSource source) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(GenericKubernetesResource obj) {
        handle(obj, () -> source.upsert(resource(kind, obj), secrets()));
      }

      @Override
      public void onUpdate(GenericKubernetesResource old, GenericKubernetesResource obj) {
        handle(obj, () -> source.upsert(resource(kind, obj), secrets()));
      }

      @Override
      public void onDelete(GenericKubernetesResource obj, boolean unknownFinalState) {
        handle(obj, () -> source.delete(resource(kind, obj)));
      }
    };
  }

  /** A monitor that cannot be read (or whose Secret cannot be) is logged; the next one is not. */
  private static void handle(GenericKubernetesResource obj, Runnable change) {
    try {
      change.run();
    } catch (RuntimeException e) {
      LOG.warn(
          "{} {}/{}: not handled: {}",
          obj.getKind(),
          obj.getMetadata().getNamespace(),
          obj.getMetadata().getName(),
          e.toString());
    }
  }

  @SuppressWarnings("unchecked")
  private static MonitorResource resource(MonitorKind kind, GenericKubernetesResource obj) {
    Object spec = obj.getAdditionalProperties().get("spec");
    Map<String, String> labels = obj.getMetadata().getLabels();
    return new MonitorResource(
        kind,
        obj.getMetadata().getNamespace(),
        obj.getMetadata().getName(),
        labels == null ? Map.of() : labels,
        spec instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of());
  }

  /** Reads each Secret at most once per conversion. */
  private SecretLookup secrets() {
    Map<String, Optional<Secret>> read = new HashMap<>();
    return (namespace, name, key) ->
        read.computeIfAbsent(
                namespace + "/" + name,
                k ->
                    Optional.ofNullable(
                        client.secrets().inNamespace(namespace).withName(name).get()))
            .flatMap(secret -> value(secret, key));
  }

  private static Optional<String> value(Secret secret, String key) {
    if (secret.getData() != null && secret.getData().containsKey(key)) {
      byte[] decoded = Base64.getDecoder().decode(secret.getData().get(key));
      return Optional.of(new String(decoded, StandardCharsets.UTF_8));
    }
    return Optional.ofNullable(secret.getStringData()).map(data -> data.get(key));
  }

  @Override
  public void close() {
    informers.forEach(SharedIndexInformer::stop);
  }
}
