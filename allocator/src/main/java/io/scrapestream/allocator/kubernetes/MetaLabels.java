package io.scrapestream.allocator.kubernetes;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code __meta_kubernetes_*} label conventions shared by every role, as in Prometheus's
 * discovery/kubernetes: object name, labels and annotations with their {@code *present} twins,
 * names sanitised to {@code [a-zA-Z0-9_]}, and attached node and namespace metadata.
 */
final class MetaLabels {
  static final String PREFIX = "__meta_kubernetes_";
  static final String NAMESPACE = PREFIX + "namespace";
  static final String ADDRESS = "__address__";
  static final String PRESENT = "true";
  private static final Pattern IPV4 =
      Pattern.compile(
          "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

  private MetaLabels() {}

  /** Replaces every character (code point) outside {@code [a-zA-Z0-9_]} with {@code _}. */
  static String sanitize(String name) {
    StringBuilder out = new StringBuilder(name.length());
    name.codePoints()
        .forEach(
            c -> {
              boolean valid =
                  c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
              out.append(valid ? (char) c : '_');
            });
    return out.toString();
  }

  /** {@code __meta_kubernetes_<role>_name} plus the labels and annotations of the object. */
  static void addObjectMeta(Map<String, String> labels, Meta meta, String role) {
    labels.put(PREFIX + role + "_name", meta.name());
    addLabelsAndAnnotations(labels, meta, role);
  }

  /** {@code _label_}, {@code _labelpresent_}, {@code _annotation_}, {@code _annotationpresent_}. */
  static void addLabelsAndAnnotations(Map<String, String> labels, Meta meta, String resource) {
    meta.labels()
        .forEach(
            (key, value) -> {
              String name = sanitize(key);
              labels.put(PREFIX + resource + "_label_" + name, value);
              labels.put(PREFIX + resource + "_labelpresent_" + name, PRESENT);
            });
    meta.annotations()
        .forEach(
            (key, value) -> {
              String name = sanitize(key);
              labels.put(PREFIX + resource + "_annotation_" + name, value);
              labels.put(PREFIX + resource + "_annotationpresent_" + name, PRESENT);
            });
  }

  /** The node's name, labels and annotations ({@code attach_metadata.node}), if it is known. */
  static void addNode(Map<String, String> labels, Optional<NodeSnapshot> node) {
    node.ifPresent(n -> addObjectMeta(labels, n.meta(), "node"));
  }

  /** The namespace's labels and annotations ({@code attach_metadata.namespace}), if known. */
  static void addNamespace(Map<String, String> labels, Optional<Meta> namespace) {
    namespace.ifPresent(ns -> addLabelsAndAnnotations(labels, ns, "namespace"));
  }

  /** {@code host:port}, with brackets around an IPv6 host, as Go's {@code net.JoinHostPort}. */
  static String joinHostPort(String host, long port) {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }

  /** 4 or 6 for an IPv4 or IPv6 literal (IPv4-mapped IPv6 counts as 4), 0 for anything else. */
  static int ipVersion(String address) {
    if (IPV4.matcher(address).matches()) {
      return 4;
    }
    if (address.indexOf(':') < 0) {
      return 0;
    }
    try {
      // A string with ':' is parsed as an IPv6 literal; no name lookup happens.
      return InetAddress.getByName(address) instanceof Inet6Address ? 6 : 4;
    } catch (UnknownHostException | SecurityException e) {
      return 0;
    }
  }
}
