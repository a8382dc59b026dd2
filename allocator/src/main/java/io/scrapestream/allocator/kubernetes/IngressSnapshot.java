package io.scrapestream.allocator.kubernetes;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What the allocator keeps of an Ingress (networking.k8s.io/v1). */
record IngressSnapshot(
    Meta meta, Optional<String> className, List<Rule> rules, List<String> tlsHosts)
    implements Snapshot {

  IngressSnapshot {
    Objects.requireNonNull(meta, "meta must not be null");
    Objects.requireNonNull(className, "className must not be null");
    rules = List.copyOf(rules);
    tlsHosts = List.copyOf(tlsHosts);
  }

  /**
   * A rule: its host and the paths of its {@code http} section, empty when the rule has no {@code
   * http} section at all (Prometheus then uses {@code /}).
   */
  record Rule(String host, Optional<List<String>> paths) {
    Rule {
      Objects.requireNonNull(host, "host must not be null");
      paths = paths.map(List::copyOf);
    }
  }
}
