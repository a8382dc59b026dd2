package io.scrapestream.allocator.kubernetes;

import io.scrapestream.allocator.discovery.TargetGroup;
import io.scrapestream.core.config.KubernetesAttachMetadata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The target group of an ingress (role {@code ingress}), as Prometheus's ingress.go: one target per
 * rule and path, addressed by the rule's host, with scheme {@code https} when a TLS entry covers
 * the host (exactly or by a leading {@code *.} wildcard of the same depth).
 */
final class IngressGroups {
  private static final String PREFIX = MetaLabels.PREFIX + "ingress_";

  private IngressGroups() {}

  static String source(String key) {
    return "ingress/" + key;
  }

  static TargetGroup build(
      IngressSnapshot ingress, Lookup lookup, KubernetesAttachMetadata attach) {
    Map<String, String> labels = new HashMap<>();
    labels.put(MetaLabels.NAMESPACE, ingress.meta().namespace());
    ingress.className().ifPresent(name -> labels.put(PREFIX + "class_name", name));
    MetaLabels.addObjectMeta(labels, ingress.meta(), "ingress");
    if (attach.namespace()) {
      MetaLabels.addNamespace(labels, lookup.namespace(ingress.meta().namespace()));
    }
    List<Map<String, String>> targets = new ArrayList<>();
    for (IngressSnapshot.Rule rule : ingress.rules()) {
      String scheme =
          ingress.tlsHosts().stream().anyMatch(pattern -> matchesHost(pattern, rule.host()))
              ? "https"
              : "http";
      List<String> paths = rule.paths().orElse(List.of("/"));
      for (String path : paths) {
        Map<String, String> target = new HashMap<>();
        target.put(MetaLabels.ADDRESS, rule.host());
        target.put(PREFIX + "scheme", scheme);
        target.put(PREFIX + "host", rule.host());
        target.put(PREFIX + "path", path.isEmpty() ? "/" : path);
        targets.add(target);
      }
    }
    return new TargetGroup(source(ingress.key()), targets, labels);
  }

  /** True when the host equals the pattern or matches its leading {@code *} label. */
  static boolean matchesHost(String pattern, String host) {
    if (pattern.equals(host)) {
      return true;
    }
    String[] patternParts = pattern.split("\\.", -1);
    String[] hostParts = host.split("\\.", -1);
    if (!patternParts[0].equals("*") || patternParts.length != hostParts.length) {
      return false;
    }
    for (int i = 1; i < patternParts.length; i++) {
      if (!patternParts[i].equals(hostParts[i])) {
        return false;
      }
    }
    return true;
  }
}
