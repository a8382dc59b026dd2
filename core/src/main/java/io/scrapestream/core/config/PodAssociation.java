package io.scrapestream.core.config;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One rule of {@code enrich.kubernetes.pod_association}: where a batch's target names its pod, as
 * in the Collector's {@code k8sattributes} {@code pod_association}. Rules are tried in order; the
 * first that finds a pod wins.
 *
 * @param from where the identifier comes from
 * @param label the target label read when {@code from} is {@link Source#LABEL}; empty otherwise
 * @param identifier what the value is: the pod's uid or one of its IPs (the host part is taken)
 */
public record PodAssociation(Source from, String label, Identifier identifier) {

  /** Where the identifier of a pod comes from. */
  public enum Source {
    /** A target label, such as {@code pod_uid} or {@code instance}. */
    LABEL("label"),
    /** The host of the scrape URL: the target's final {@code __address__}. */
    ADDRESS("address");

    private final String yaml;

    Source(String yaml) {
      this.yaml = yaml;
    }

    public String yaml() {
      return yaml;
    }

    static List<String> yamlValues() {
      return Arrays.stream(values()).map(Source::yaml).toList();
    }

    static Optional<Source> fromYaml(String value) {
      return Arrays.stream(values()).filter(s -> s.yaml.equals(value)).findFirst();
    }
  }

  /** What the identifier names: looked up as {@code pod/<uid>} or {@code ip/<ip>}. */
  public enum Identifier {
    UID("uid"),
    IP("ip");

    private final String yaml;

    Identifier(String yaml) {
      this.yaml = yaml;
    }

    public String yaml() {
      return yaml;
    }

    static List<String> yamlValues() {
      return Arrays.stream(values()).map(Identifier::yaml).toList();
    }

    static Optional<Identifier> fromYaml(String value) {
      return Arrays.stream(values()).filter(i -> i.yaml.equals(value)).findFirst();
    }
  }

  public PodAssociation {
    Objects.requireNonNull(from, "from must not be null");
    Objects.requireNonNull(label, "label must not be null");
    Objects.requireNonNull(identifier, "identifier must not be null");
    if (from == Source.LABEL && label.isEmpty()) {
      throw new IllegalArgumentException("label must be set when from is label. Found: \"\"");
    }
    if (from == Source.ADDRESS && !label.isEmpty()) {
      throw new IllegalArgumentException(
          "label must be empty when from is address. Found: " + ConfigProblems.quote(label));
    }
    if (from == Source.ADDRESS && identifier != Identifier.IP) {
      throw new IllegalArgumentException(
          "identifier must be ip when from is address. Found: " + identifier.yaml());
    }
  }

  /** The value of target label {@code label}. */
  public static PodAssociation label(String label, Identifier identifier) {
    return new PodAssociation(Source.LABEL, label, identifier);
  }

  /** The IP of the scrape URL's host. */
  public static PodAssociation address() {
    return new PodAssociation(Source.ADDRESS, "", Identifier.IP);
  }

  /**
   * Like {@code k8sattributes}: the uid in target label {@code pod_uid} (relabeled from {@code
   * __meta_kubernetes_pod_uid}), else the IP in {@code instance}, else the IP of the address.
   */
  public static List<PodAssociation> defaults() {
    return List.of(label("pod_uid", Identifier.UID), label("instance", Identifier.IP), address());
  }
}
