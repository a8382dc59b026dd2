package io.scrapestream.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KubernetesSdConfigReaderTest {

  @Test
  void shouldReadEveryKeyWhenAllAreSet() throws Exception {
    ScrapeConfig job =
        load("""
                scrape_configs:
                  - job_name: pods
                    kubernetes_sd_configs:
                      - role: endpoints
                        namespaces: {own_namespace: true, names: [a, b]}
                        selectors:
                          - {role: pod, label: "app in (web)", field: "spec.nodeName=n1"}
                          - {role: service, label: "!canary"}
                        attach_metadata: {node: true, namespace: true}
                      - role: node
                        api_server: https://k8s.example.com:6443
                      - role: ingress
                        kubeconfig_file: /etc/kube/config
                """)
            .scrapeConfigs()
            .get(0);

    assertThat(job.kubernetesSdConfigs())
        .containsExactly(
            new KubernetesSdConfig(
                KubernetesRole.ENDPOINTS,
                Optional.empty(),
                Optional.empty(),
                new KubernetesNamespaces(true, List.of("a", "b")),
                List.of(
                    new KubernetesSelector(
                        KubernetesRole.POD,
                        LabelSelector.parse("app in (web)"),
                        FieldSelector.parse("spec.nodeName=n1")),
                    new KubernetesSelector(
                        KubernetesRole.SERVICE,
                        LabelSelector.parse("!canary"),
                        FieldSelector.everything())),
                new KubernetesAttachMetadata(true, true)),
            new KubernetesSdConfig(
                KubernetesRole.NODE,
                Optional.of(URI.create("https://k8s.example.com:6443")),
                Optional.empty(),
                KubernetesNamespaces.all(),
                List.of(),
                KubernetesAttachMetadata.none()),
            new KubernetesSdConfig(
                KubernetesRole.INGRESS,
                Optional.empty(),
                Optional.of(Path.of("/etc/kube/config")),
                KubernetesNamespaces.all(),
                List.of(),
                KubernetesAttachMetadata.none()));
  }

  @Test
  void shouldReportEveryProblemWithItsPathWhenEntriesBreakPrometheusRules() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                load(
                    """
                    scrape_configs:
                      - job_name: k
                        kubernetes_sd_configs:
                          - namespaces: {names: [a]}
                          - role: pods
                          - role: pod
                            api_server: https://k:6443
                            kubeconfig_file: /k
                            namespaces: {own_namespace: true}
                          - role: endpoints
                            selectors:
                              - {role: node}
                              - {role: pod, label: "a b"}
                              - {role: pod, field: "spec.foo=x"}
                              - {role: service, field: "metadata.name"}
                              - {label: a}
                          - role: node
                            attach_metadata: {pod: true}
                    """));

    assertThat(e.problems())
        .containsExactly(
            "scrape_configs[0].kubernetes_sd_configs[0].role: must be set. Found: nothing",
            "scrape_configs[0].kubernetes_sd_configs[1].role: must be one of: pod, service,"
                + " endpoints, endpointslice, node, ingress. Found: \"pods\"",
            "scrape_configs[0].kubernetes_sd_configs[2].kubeconfig_file: must not be set"
                + " together with api_server. Found: \"/k\"",
            "scrape_configs[0].kubernetes_sd_configs[2].namespaces.own_namespace: must not be"
                + " true together with api_server or kubeconfig_file. Found: true",
            "scrape_configs[0].kubernetes_sd_configs[3].selectors[0].role: must be one of: pod,"
                + " service, endpoints (the selector roles of role endpoints). Found: \"node\"",
            "scrape_configs[0].kubernetes_sd_configs[3].selectors[1].label: must be a label"
                + " selector: expected one of =, ==, !=, in, notin, >, < after \"a\", found \"b\""
                + " at position 2 in \"a b\". Found: \"a b\"",
            "scrape_configs[0].kubernetes_sd_configs[3].selectors[2].field: must name only the"
                + " fields metadata.name, metadata.namespace, spec.nodeName, spec.restartPolicy,"
                + " spec.schedulerName, spec.serviceAccountName, spec.hostNetwork, status.phase,"
                + " status.podIP, status.nominatedNodeName (role pod). Found: \"spec.foo\"",
            "scrape_configs[0].kubernetes_sd_configs[3].selectors[2].role: must differ from the"
                + " roles of the selectors before it. Found: \"pod\"",
            "scrape_configs[0].kubernetes_sd_configs[3].selectors[3].field: must be a field"
                + " selector: expected field=value, field==value or field!=value, found"
                + " \"metadata.name\" in \"metadata.name\". Found: \"metadata.name\"",
            "scrape_configs[0].kubernetes_sd_configs[3].selectors[4].role: must be set. Found:"
                + " nothing",
            "scrape_configs[0].kubernetes_sd_configs[4].attach_metadata.pod: unknown key."
                + " Expected one of: node, namespace");
  }

  @Test
  void shouldReadAllocatorKubernetesSectionWhenSet() throws Exception {
    AllocatorSettings allocator =
        load("""
                allocator:
                  kubernetes:
                    scraper_selector: app.kubernetes.io/name=scrapestream-scraper
                    scraper_namespace: monitoring
                    not_ready_grace: 45s
                    metadata: {enabled: false}
                """)
            .allocator();

    assertThat(allocator)
        .isEqualTo(
            withKubernetes(
                new KubernetesAllocatorSettings(
                    Optional.of(LabelSelector.parse("app.kubernetes.io/name=scrapestream-scraper")),
                    Optional.of("monitoring"),
                    Duration.ofSeconds(45),
                    false)));
  }

  @Test
  void shouldReportAllocatorProblemsWhenValuesAreBad() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                load(
                    """
                    allocator:
                      kubernetes:
                        scraper_selector: "app in web"
                        scraper_namespace: ""
                        not_ready_grace: soon
                        metadata: {enabled: maybe, topic: x}
                    """));

    assertThat(e.problems())
        .containsExactly(
            "allocator.kubernetes.scraper_selector: must be a label selector: expected \"(\""
                + " after the operator of \"app\", found \"web\" at position 7 in \"app in web\"."
                + " Found: \"app in web\"",
            "allocator.kubernetes.scraper_namespace: must not be empty. Found: \"\"",
            "allocator.kubernetes.not_ready_grace: must be a duration such as 30s, 1m30s or 500ms."
                + " Found: \"soon\"",
            "allocator.kubernetes.metadata.enabled: must be a boolean. Found: \"maybe\"",
            "allocator.kubernetes.metadata.topic: unknown key. Expected one of: enabled");
  }

  @Test
  void shouldRejectRecordWhenSelectorRoleIsNotAcceptedByRole() {
    KubernetesSelector node =
        new KubernetesSelector(
            KubernetesRole.NODE, LabelSelector.everything(), FieldSelector.everything());

    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new KubernetesSdConfig(
                    KubernetesRole.POD,
                    Optional.empty(),
                    Optional.empty(),
                    KubernetesNamespaces.all(),
                    List.of(node),
                    KubernetesAttachMetadata.none()))
        .withMessage("selectors of role pod must have role pod. Found: node");
  }

  @Test
  void shouldRejectRecordWhenFieldIsNotSelectableForRole() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new KubernetesSelector(
                    KubernetesRole.INGRESS,
                    LabelSelector.everything(),
                    FieldSelector.parse("spec.nodeName=a")))
        .withMessage(
            "field selector of role ingress must name only metadata.name, metadata.namespace."
                + " Found: \"spec.nodeName\"");
  }

  private static ScrapestreamConfig load(String yaml) throws ConfigException {
    return ConfigLoader.load(yaml, "test.yaml", Map.of(), () -> "test-host");
  }

  private static AllocatorSettings withKubernetes(KubernetesAllocatorSettings kubernetes) {
    AllocatorSettings d = AllocatorSettings.defaults();
    return new AllocatorSettings(
        d.host(),
        d.port(),
        d.strategy(),
        d.scrapers(),
        d.refreshInterval(),
        d.apiTokens(),
        d.tls(),
        kubernetes);
  }
}
