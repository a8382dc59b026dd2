package io.scrapestream.enrich.kubernetes;

import io.scrapestream.core.config.PodAssociation;
import io.scrapestream.schemas.v1.K8sObject;
import io.scrapestream.schemas.v1.Label;
import io.scrapestream.schemas.v1.Target;
import java.util.List;
import java.util.Optional;

/**
 * Finds the pod a batch's target runs in, with the {@code pod_association} rules in order (like the
 * Collector's {@code k8sattributes}): a uid is looked up as {@code pod/<uid>}, an IP as {@code
 * ip/<ip>} — the host part of {@code host:port} or {@code [v6]:port}.
 */
public final class PodLocator {
  private static final String POD = "Pod";

  private final List<PodAssociation> rules;

  public PodLocator(List<PodAssociation> rules) {
    this.rules = List.copyOf(rules);
  }

  public Optional<K8sObject> find(Target target, MetadataLookup lookup) {
    for (PodAssociation rule : rules) {
      String value =
          rule.from() == PodAssociation.Source.LABEL
              ? label(target, rule.label())
              : authority(target.getScrapeUrl());
      if (value.isEmpty()) {
        continue;
      }
      String key =
          rule.identifier() == PodAssociation.Identifier.UID ? "pod/" + value : "ip/" + host(value);
      Optional<K8sObject> pod = lookup.get(key).filter(o -> POD.equals(o.getKind()));
      if (pod.isPresent()) {
        return pod;
      }
    }
    return Optional.empty();
  }

  private static String label(Target target, String name) {
    for (Label label : target.getLabelsList()) {
      if (label.getName().equals(name)) {
        return label.getValue();
      }
    }
    return "";
  }

  /** {@code host:port} of {@code scheme://host:port/path?query}; empty when there is none. */
  static String authority(String url) {
    int start = url.indexOf("://");
    if (start < 0) {
      return "";
    }
    start += 3;
    int end = start;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    String authority = url.substring(start, end);
    return authority.substring(authority.lastIndexOf('@') + 1);
  }

  /** The host of {@code host}, {@code host:port}, {@code [v6]} or {@code [v6]:port}. */
  static String host(String address) {
    if (address.startsWith("[")) {
      int close = address.indexOf(']');
      return close < 0 ? address : address.substring(1, close);
    }
    int colon = address.indexOf(':');
    return colon >= 0 && colon == address.lastIndexOf(':') ? address.substring(0, colon) : address;
  }
}
