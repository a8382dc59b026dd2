package io.scrapestream.allocator.monitors;

import io.scrapestream.core.config.StaticConfig;
import io.scrapestream.core.relabel.RelabelConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Probes and ScrapeConfigs with static targets. A Probe's targets are handed to its prober as
 * {@code target} (with {@code module}), as prometheus-operator's {@code generateProbeConfig} does;
 * a ScrapeConfig's {@code staticConfigs} are scraped as written. Other target sources (a Probe's
 * {@code ingress}, a ScrapeConfig's service discovery) are not supported: they are refused.
 */
final class StaticMonitorJobs {
  private StaticMonitorJobs() {}

  static MonitorJobs.Parts probe(MonitorResource probe, SpecTree spec) {
    SpecTree targets =
        spec.tree("targets").orElseThrow(() -> spec.invalid("targets", "must be set", "nothing"));
    if (targets.tree("ingress").isPresent()) {
      throw targets.invalid(
          "ingress", "must not be set (only staticConfig is supported)", "ingress");
    }
    SpecTree statics =
        targets
            .tree("staticConfig")
            .orElseThrow(() -> targets.invalid("staticConfig", "must be set", "nothing"));
    SpecTree prober =
        spec.tree("prober").orElseThrow(() -> spec.invalid("prober", "must be set", "nothing"));
    String url =
        prober.string("url").orElseThrow(() -> prober.invalid("url", "must be set", "nothing"));
    Map<String, String> labels = new TreeMap<>(statics.stringMap("labels"));
    labels.put("namespace", probe.namespace());
    List<RelabelConfig> rules = probeRules(spec, statics);
    Map<String, List<String>> params =
        spec.string("module")
            .filter(m -> !m.isEmpty())
            .map(m -> Map.of("module", List.of(m)))
            .orElse(Map.of());
    return new MonitorJobs.Parts(
        "probe/" + probe.namespace() + "/" + probe.name(),
        proberGroups(url, statics.strings("static"), labels),
        List.of(),
        rules,
        params);
  }

  /** The job label from {@code jobName}, the target as a parameter, then the user's rules. */
  private static List<RelabelConfig> probeRules(SpecTree spec, SpecTree statics) {
    List<RelabelConfig> rules = new ArrayList<>();
    spec.string("jobName")
        .filter(j -> !j.isEmpty())
        .ifPresent(j -> rules.add(MonitorRelabelings.set("job", j)));
    rules.add(MonitorRelabelings.copy("instance", "__param_target"));
    rules.addAll(MonitorRelabelings.written(statics, "relabelingConfigs"));
    return rules;
  }

  /**
   * One group per probed target, whose address is the prober's and whose {@code instance} is the
   * target (copied to {@code __param_target} by relabeling): what the operator's relabeling of
   * {@code __address__} yields, without requiring a probed URL to be a {@code host:port}.
   */
  private static List<StaticConfig> proberGroups(
      String url, List<String> targets, Map<String, String> labels) {
    List<StaticConfig> groups = new ArrayList<>();
    for (String target : targets) {
      Map<String, String> own = new TreeMap<>(labels);
      own.put("instance", target);
      groups.add(new StaticConfig(List.of(url), own));
    }
    return groups;
  }

  /** The Probe's spec with its prober's {@code path} (default /probe) and {@code scheme}. */
  static SpecTree probeEndpoint(SpecTree spec) {
    Map<String, Object> values = new java.util.HashMap<>(spec.values());
    SpecTree prober = spec.tree("prober").orElse(new SpecTree(spec.path() + ".prober", Map.of()));
    values.put("path", prober.string("path").filter(p -> !p.isEmpty()).orElse("/probe"));
    prober.string("scheme").ifPresent(scheme -> values.put("scheme", scheme));
    return new SpecTree(spec.path(), values);
  }

  static MonitorJobs.Parts scrapeConfig(MonitorResource resource, SpecTree spec) {
    for (String key : spec.values().keySet()) {
      if (key.endsWith("SDConfigs") && !key.equals("staticConfigs")) {
        throw spec.invalid(key, "must not be set (only staticConfigs is supported)", key);
      }
    }
    List<StaticConfig> statics = new ArrayList<>();
    for (SpecTree group : spec.trees("staticConfigs")) {
      statics.add(new StaticConfig(group.strings("targets"), group.stringMap("labels")));
    }
    return new MonitorJobs.Parts(
        "scrapeConfig/" + resource.namespace() + "/" + resource.name(),
        statics,
        List.of(),
        List.of(),
        Map.of());
  }
}
