package io.scrapestream.core.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The {@code role} of a {@code kubernetes_sd_configs} entry: which kind of object becomes a target,
 * as in Prometheus. Each role knows which selector roles it accepts and which fields a field
 * selector of that role may name (the fields the API server supports for the kind, evaluated by
 * Scrapestream on its cached objects).
 */
public enum KubernetesRole {
  POD("pod"),
  SERVICE("service"),
  ENDPOINTS("endpoints"),
  ENDPOINTSLICE("endpointslice"),
  NODE("node"),
  INGRESS("ingress");

  private static final List<String> METADATA_FIELDS =
      List.of("metadata.name", "metadata.namespace");

  private final String configName;

  KubernetesRole(String configName) {
    this.configName = configName;
  }

  /** The name written in the configuration, e.g. {@code endpointslice}. */
  public String configName() {
    return configName;
  }

  /** The role written as {@code name}, if any. */
  public static Optional<KubernetesRole> fromConfigName(String name) {
    return Arrays.stream(values()).filter(role -> role.configName.equals(name)).findFirst();
  }

  /** Every role's configuration name, in declaration order. */
  public static List<String> configNames() {
    return Arrays.stream(values()).map(KubernetesRole::configName).toList();
  }

  /** The roles whose {@code selectors} this role accepts, as in Prometheus. */
  public List<KubernetesRole> selectorRoles() {
    return switch (this) {
      case ENDPOINTS -> List.of(POD, SERVICE, ENDPOINTS);
      case ENDPOINTSLICE -> List.of(POD, SERVICE, ENDPOINTSLICE);
      default -> List.of(this);
    };
  }

  /** The fields a field selector of this (selector) role may name. */
  public List<String> selectableFields() {
    return switch (this) {
      case POD ->
          concat(
              "spec.nodeName",
              "spec.restartPolicy",
              "spec.schedulerName",
              "spec.serviceAccountName",
              "spec.hostNetwork",
              "status.phase",
              "status.podIP",
              "status.nominatedNodeName");
      case SERVICE -> concat("spec.clusterIP", "spec.type");
      case NODE -> concat("spec.unschedulable");
      default -> METADATA_FIELDS;
    };
  }

  private static List<String> concat(String... fields) {
    return java.util.stream.Stream.concat(METADATA_FIELDS.stream(), Arrays.stream(fields)).toList();
  }
}
