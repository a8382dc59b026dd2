package io.scrapestream.allocator.monitors;

import static io.scrapestream.allocator.monitors.MonitorRelabelings.copy;
import static io.scrapestream.allocator.monitors.MonitorRelabelings.keep;

import io.scrapestream.core.config.KubernetesRole;
import io.scrapestream.core.config.KubernetesSdConfig;
import io.scrapestream.core.relabel.RelabelConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A PodMonitor's {@code podMetricsEndpoints[i]} as job {@code podMonitor/<ns>/<name>/<i>}: role pod
 * and the relabel configs of prometheus-operator's {@code generatePodMonitorConfig}.
 */
final class PodMonitorJobs {
  private static final String POD = "__meta_kubernetes_pod_";

  private PodMonitorJobs() {}

  static List<MonitorJobs.Parts> parts(MonitorResource monitor, SpecTree spec) {
    List<SpecTree> endpoints = spec.trees("podMetricsEndpoints");
    KubernetesSdConfig sd = ServiceMonitorJobs.sdConfig(KubernetesRole.POD, monitor, spec);
    List<MonitorJobs.Parts> parts = new ArrayList<>();
    for (int i = 0; i < endpoints.size(); i++) {
      String job = "podMonitor/" + monitor.namespace() + "/" + monitor.name() + "/" + i;
      parts.add(
          new MonitorJobs.Parts(
              job, List.of(), List.of(sd), relabelings(monitor, spec, endpoints.get(i)), Map.of()));
    }
    return parts;
  }

  /** Unless {@code filterRunning: false}, drops pods that have finished. */
  static void dropFinishedPods(SpecTree endpoint, List<RelabelConfig> rules) {
    if (endpoint.bool("filterRunning", true)) {
      rules.add(MonitorRelabelings.drop(List.of(POD + "phase"), "(Failed|Succeeded)"));
    }
  }

  private static List<RelabelConfig> relabelings(
      MonitorResource monitor, SpecTree spec, SpecTree endpoint) {
    List<RelabelConfig> rules = new ArrayList<>();
    spec.tree("selector").ifPresent(s -> rules.addAll(MonitorRelabelings.selector(POD, s)));
    Optional<String> port = endpoint.string("port").filter(p -> !p.isEmpty());
    Optional<String> targetPort = endpoint.string("targetPort").filter(p -> !p.isEmpty());
    if (port.isPresent()) {
      rules.add(keep(List.of(POD + "container_port_name"), port.get()));
    } else if (targetPort.isPresent()) {
      rules.add(keep(List.of(POD + "container_port_number"), targetPort.get()));
    }
    dropFinishedPods(endpoint, rules);
    rules.add(copy("__meta_kubernetes_namespace", "namespace"));
    rules.add(copy(POD + "container_name", "container"));
    rules.add(copy(POD + "name", "pod"));
    ServiceMonitorJobs.labelCopies(spec, "podTargetLabels", POD, rules);
    rules.add(MonitorRelabelings.set("job", monitor.namespace() + "/" + monitor.name()));
    spec.string("jobLabel")
        .filter(l -> !l.isEmpty())
        .ifPresent(
            l ->
                rules.add(
                    MonitorRelabelings.copyNonEmpty(
                        POD + "label_" + MonitorRelabelings.sanitize(l), "job")));
    port.or(() -> targetPort).ifPresent(p -> rules.add(MonitorRelabelings.set("endpoint", p)));
    return rules;
  }
}
