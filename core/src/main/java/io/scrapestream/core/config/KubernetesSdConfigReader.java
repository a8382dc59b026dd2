package io.scrapestream.core.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a job's {@code kubernetes_sd_configs} with Prometheus's rules: a known role, {@code
 * api_server} and {@code kubeconfig_file} not together, {@code own_namespace} only in-cluster,
 * selectors of the roles the role accepts, each role once, and selectors that parse. Every problem
 * is reported with its path; an entry with problems is left out.
 */
final class KubernetesSdConfigReader {
  private static final ValueRule<String> ROLE = ValueRule.oneOf(KubernetesRole.configNames());

  private KubernetesSdConfigReader() {}

  static List<KubernetesSdConfig> readAll(List<ValueReader> items) {
    List<KubernetesSdConfig> configs = new ArrayList<>();
    for (ValueReader item : items) {
      read(MappingReader.of(item)).ifPresent(configs::add);
    }
    return configs;
  }

  private static Optional<KubernetesSdConfig> read(MappingReader m) {
    int problems = m.problemCount();
    Optional<KubernetesRole> role =
        m.required("role", ROLE).flatMap(KubernetesRole::fromConfigName);
    Optional<URI> apiServer =
        Optional.ofNullable(m.string("api_server", null, ConfigRules.HTTP_URL)).map(URI::create);
    Optional<String> kubeconfig =
        Optional.ofNullable(m.string("kubeconfig_file", null, ConfigRules.FILE_PATH));
    KubernetesNamespaces namespaces = namespaces(m.mapping("namespaces"));
    List<KubernetesSelector> selectors = selectors(m.items("selectors"), role);
    MappingReader attach = m.mapping("attach_metadata");
    KubernetesAttachMetadata attachMetadata =
        new KubernetesAttachMetadata(attach.bool("node", false), attach.bool("namespace", false));
    attach.finish();
    m.finish();
    if (apiServer.isPresent() && kubeconfig.isPresent()) {
      m.problem(
          "kubeconfig_file",
          "must not be set together with api_server",
          ConfigProblems.quote(kubeconfig.get()));
    }
    if (namespaces.ownNamespace() && (apiServer.isPresent() || kubeconfig.isPresent())) {
      m.problem(
          "namespaces.own_namespace",
          "must not be true together with api_server or kubeconfig_file",
          "true");
    }
    if (m.problemCount() > problems || role.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new KubernetesSdConfig(
            role.get(),
            apiServer,
            kubeconfig.map(Path::of),
            namespaces,
            selectors,
            attachMetadata));
  }

  private static KubernetesNamespaces namespaces(MappingReader m) {
    boolean own = m.bool("own_namespace", false);
    List<String> names = m.stringList("names", ConfigRules.NOT_EMPTY);
    m.finish();
    return new KubernetesNamespaces(own, names);
  }

  private static List<KubernetesSelector> selectors(
      List<ValueReader> items, Optional<KubernetesRole> sdRole) {
    List<KubernetesSelector> selectors = new ArrayList<>();
    Set<KubernetesRole> seen = new HashSet<>();
    for (ValueReader item : items) {
      MappingReader m = MappingReader.of(item);
      Optional<KubernetesRole> role =
          m.required("role", ROLE).flatMap(KubernetesRole::fromConfigName);
      LabelSelector label = labelSelector(m);
      FieldSelector field = fieldSelector(m, role);
      m.finish();
      role.filter(r -> allowed(m, sdRole, r) && distinct(m, seen, r))
          .ifPresent(r -> selectors.add(new KubernetesSelector(r, label, field)));
    }
    return selectors;
  }

  private static boolean allowed(
      MappingReader m, Optional<KubernetesRole> sdRole, KubernetesRole role) {
    if (sdRole.isEmpty() || sdRole.get().selectorRoles().contains(role)) {
      return true;
    }
    m.problem(
        "role",
        "must be one of: "
            + KubernetesSdConfig.names(sdRole.get().selectorRoles())
            + " (the selector roles of role "
            + sdRole.get().configName()
            + ")",
        ConfigProblems.quote(role.configName()));
    return false;
  }

  private static boolean distinct(MappingReader m, Set<KubernetesRole> seen, KubernetesRole role) {
    if (seen.add(role)) {
      return true;
    }
    m.problem(
        "role",
        "must differ from the roles of the selectors before it",
        ConfigProblems.quote(role.configName()));
    return false;
  }

  private static LabelSelector labelSelector(MappingReader m) {
    Optional<ValueReader> value = m.value("label");
    Optional<String> text = value.flatMap(ValueReader::text);
    if (text.isEmpty()) {
      return LabelSelector.everything();
    }
    try {
      return LabelSelector.parse(text.get());
    } catch (IllegalArgumentException e) {
      value.get().problem("must be a label selector: " + e.getMessage(), quote(text.get()));
      return LabelSelector.everything();
    }
  }

  private static FieldSelector fieldSelector(MappingReader m, Optional<KubernetesRole> role) {
    Optional<ValueReader> value = m.value("field");
    Optional<String> text = value.flatMap(ValueReader::text);
    if (text.isEmpty()) {
      return FieldSelector.everything();
    }
    FieldSelector selector;
    try {
      selector = FieldSelector.parse(text.get());
    } catch (IllegalArgumentException e) {
      value.get().problem("must be a field selector: " + e.getMessage(), quote(text.get()));
      return FieldSelector.everything();
    }
    List<String> allowed = role.map(KubernetesRole::selectableFields).orElse(List.of());
    for (String name : selector.fieldNames()) {
      if (role.isPresent() && !allowed.contains(name)) {
        value
            .get()
            .problem(
                "must name only the fields "
                    + String.join(", ", allowed)
                    + " (role "
                    + role.get().configName()
                    + ")",
                quote(name));
        return FieldSelector.everything();
      }
    }
    return role.isPresent() ? selector : FieldSelector.everything();
  }

  private static String quote(String text) {
    return ConfigProblems.quote(text);
  }
}
