package io.scrapestream.allocator.monitors;

import static io.scrapestream.allocator.monitors.MonitorRelabelings.copy;
import static io.scrapestream.allocator.monitors.MonitorRelabelings.keep;

import io.scrapestream.core.config.KubernetesAttachMetadata;
import io.scrapestream.core.config.KubernetesNamespaces;
import io.scrapestream.core.config.KubernetesRole;
import io.scrapestream.core.config.KubernetesSdConfig;
import io.scrapestream.core.relabel.RelabelAction;
import io.scrapestream.core.relabel.RelabelConfig;
import io.scrapestream.core.relabel.RelabelRegex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A ServiceMonitor's {@code endpoints[i]} as job {@code serviceMonitor/<ns>/<name>/<i>}: role
 * endpointslice in the selected namespaces and the relabel configs prometheus-operator generates
 * ({@code generateServiceMonitorConfig} in {@code pkg/prometheus/promcfg.go}).
 */
final class ServiceMonitorJobs {
  private static final String SERVICE = "__meta_kubernetes_service_";
  private static final String SLICE = "__meta_kubernetes_endpointslice_";

  private ServiceMonitorJobs() {}

  static List<MonitorJobs.Parts> parts(MonitorResource monitor, SpecTree spec) {
    List<SpecTree> endpoints = spec.trees("endpoints");
    List<MonitorJobs.Parts> parts = new ArrayList<>();
    KubernetesSdConfig sd = sdConfig(KubernetesRole.ENDPOINTSLICE, monitor, spec);
    for (int i = 0; i < endpoints.size(); i++) {
      String job = "serviceMonitor/" + monitor.namespace() + "/" + monitor.name() + "/" + i;
      parts.add(
          new MonitorJobs.Parts(
              job, List.of(), List.of(sd), relabelings(spec, endpoints.get(i)), Map.of()));
    }
    return parts;
  }

  static KubernetesSdConfig sdConfig(KubernetesRole role, MonitorResource monitor, SpecTree spec) {
    Optional<SpecTree> selector = spec.tree("namespaceSelector");
    boolean any = selector.map(s -> s.bool("any", false)).orElse(false);
    List<String> names = selector.map(s -> s.strings("matchNames")).orElse(List.of());
    KubernetesNamespaces namespaces =
        any
            ? KubernetesNamespaces.all()
            : new KubernetesNamespaces(
                false, names.isEmpty() ? List.of(monitor.namespace()) : names);
    return new KubernetesSdConfig(
        role,
        Optional.empty(),
        Optional.empty(),
        namespaces,
        List.of(),
        KubernetesAttachMetadata.none());
  }

  private static List<RelabelConfig> relabelings(SpecTree spec, SpecTree endpoint) {
    List<RelabelConfig> rules = new ArrayList<>();
    spec.tree("selector").ifPresent(s -> rules.addAll(MonitorRelabelings.selector(SERVICE, s)));
    Optional<String> port = endpoint.string("port").filter(p -> !p.isEmpty());
    Optional<String> targetPort = endpoint.string("targetPort").filter(p -> !p.isEmpty());
    if (port.isPresent()) {
      rules.add(keep(List.of(SLICE + "port_name"), port.get()));
    } else if (targetPort.isPresent()) {
      boolean number = targetPort.get().chars().allMatch(Character::isDigit);
      String label = number ? "port_number" : "port_name";
      rules.add(keep(List.of("__meta_kubernetes_pod_container_" + label), targetPort.get()));
    }
    rules.add(targetKind("Node", "node"));
    rules.add(targetKind("Pod", "pod"));
    rules.add(copy("__meta_kubernetes_namespace", "namespace"));
    rules.add(copy(SERVICE + "name", "service"));
    rules.add(copy("__meta_kubernetes_pod_name", "pod"));
    rules.add(copy("__meta_kubernetes_pod_container_name", "container"));
    PodMonitorJobs.dropFinishedPods(endpoint, rules);
    labelCopies(spec, "targetLabels", SERVICE, rules);
    labelCopies(spec, "podTargetLabels", "__meta_kubernetes_pod_", rules);
    rules.add(copy(SERVICE + "name", "job"));
    spec.string("jobLabel")
        .filter(l -> !l.isEmpty())
        .ifPresent(
            l ->
                rules.add(
                    MonitorRelabelings.copyNonEmpty(
                        SERVICE + "label_" + MonitorRelabelings.sanitize(l), "job")));
    port.or(() -> targetPort).ifPresent(p -> rules.add(MonitorRelabelings.set("endpoint", p)));
    return rules;
  }

  static void labelCopies(SpecTree spec, String key, String prefix, List<RelabelConfig> rules) {
    for (String label : spec.strings(key)) {
      String name = MonitorRelabelings.sanitize(label);
      rules.add(MonitorRelabelings.copyNonEmpty(prefix + "label_" + name, name));
    }
  }

  private static RelabelConfig targetKind(String kind, String target) {
    return new RelabelConfig(
        List.of(SLICE + "address_target_kind", SLICE + "address_target_name"),
        ";",
        RelabelRegex.compile(kind + ";(.*)"),
        0,
        target,
        "${1}",
        RelabelAction.REPLACE);
  }
}
