package io.scrapestream.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scrapestream.core.config.PodAssociation.Identifier;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnrichSettingsReaderTest {

  @Test
  void shouldReadEveryKeyWhenEnrichSectionIsComplete() throws Exception {
    String yaml =
        """
        enrich:
          application_id: enrich-prod
          processing_guarantee: exactly_once_v2
          resource_attributes: {k8s.cluster.name: prod, deployment.environment.name: staging}
          staleness: {enabled: false, punctuate_interval: 2s}
          kubernetes:
            enabled: true
            attributes_as_labels: true
            pod_association:
              - {from: label, name: uid, key: uid}
              - {from: address}
            extract:
              metadata: [k8s.pod.name, k8s.replicaset.name]
              labels: [{key: app}, {key: team, tag_name: team}]
              annotations: [{key: owner}]
              namespace_labels: [{key: tier, tag_name: ns.tier}]
        """;

    EnrichSettings enrich = ConfigLoader.load(yaml, "test.yaml", Map.of()).enrich();

    assertThat(enrich)
        .isEqualTo(
            new EnrichSettings(
                "enrich-prod",
                ProcessingGuarantee.EXACTLY_ONCE_V2,
                new KubernetesEnrichSettings(
                    true,
                    List.of(PodAssociation.label("uid", Identifier.UID), PodAssociation.address()),
                    List.of(KubernetesAttribute.POD_NAME, KubernetesAttribute.REPLICASET_NAME),
                    List.of(
                        new ExtractRule("app", "k8s.pod.labels.app"),
                        new ExtractRule("team", "team")),
                    List.of(new ExtractRule("owner", "k8s.pod.annotations.owner")),
                    List.of(new ExtractRule("tier", "ns.tier")),
                    true),
                Map.of("k8s.cluster.name", "prod", "deployment.environment.name", "staging"),
                new StalenessSettings(false, Optional.of(Duration.ofSeconds(2)))));
    assertThat(enrich.resourceAttributes().keySet())
        .containsExactly("deployment.environment.name", "k8s.cluster.name");
  }

  @Test
  void shouldUseDefaultsWhenEnrichSectionIsEmpty() throws Exception {
    EnrichSettings enrich = ConfigLoader.load("enrich: {}\n", "test.yaml", Map.of()).enrich();

    assertThat(enrich).isEqualTo(EnrichSettings.defaults());
    assertThat(enrich.kubernetes().podAssociation())
        .containsExactly(
            PodAssociation.label("pod_uid", Identifier.UID),
            PodAssociation.label("instance", Identifier.IP),
            PodAssociation.address());
    assertThat(enrich.kubernetes().attributeKeys())
        .containsExactly(
            "k8s.namespace.name",
            "k8s.pod.name",
            "k8s.pod.uid",
            "k8s.node.name",
            "k8s.deployment.name",
            "k8s.statefulset.name",
            "k8s.daemonset.name",
            "k8s.job.name",
            "k8s.cronjob.name");
    assertThat(enrich.staleness()).isEqualTo(new StalenessSettings(true, Optional.empty()));
    assertThat(enrich.kubernetes().attributesAsLabels()).isFalse();
  }

  @Test
  void shouldReportEveryProblemWithItsPathWhenEnrichSectionIsWrong() {
    String yaml =
        """
        enrich:
          staleness: {punctuate_interval: 0s, enable: true}
          kubernetes:
            attributes_as_labels: yes please
            pod_association:
              - {from: connection}
              - {from: label, name: pod_uid}
              - {from: address, name: x, key: uid}
              - {from: label, key: ip}
            extract:
              metadata: [k8s.pod.ip, k8s.pod.name, k8s.pod.name]
              labels: [{tag_name: app}, {key: a, tag_name: ""}, {key: app, tag_name: k8s.pod.name}]
              annotations: {key: x}
          resource_attributes: {k8s.cluster.name: "", team: a, k8s.pod.labels.app: x}
        """;

    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> ConfigLoader.load(yaml, "test.yaml", Map.of()));

    assertThat(e.problems())
        .containsExactly(
            "enrich.kubernetes.pod_association[0].from: must be one of: label, address."
                + " Found: \"connection\"",
            "enrich.kubernetes.pod_association[1].key: must be set when from is label."
                + " Found: nothing",
            "enrich.kubernetes.pod_association[2].name: must not be set when from is address."
                + " Found: \"x\"",
            "enrich.kubernetes.pod_association[2].key: must be ip when from is address."
                + " Found: \"uid\"",
            "enrich.kubernetes.pod_association[3].name: must be set when from is label."
                + " Found: nothing",
            "enrich.kubernetes.extract.metadata[0]: must be one of: k8s.namespace.name,"
                + " k8s.pod.name, k8s.pod.uid, k8s.node.name, k8s.deployment.name,"
                + " k8s.replicaset.name, k8s.statefulset.name, k8s.daemonset.name, k8s.job.name,"
                + " k8s.cronjob.name. Found: \"k8s.pod.ip\"",
            "enrich.kubernetes.extract.metadata[2]: must be a unique attribute key."
                + " Found: \"k8s.pod.name\" (also at enrich.kubernetes.extract.metadata[1])",
            "enrich.kubernetes.extract.labels[0].key: must be set. Found: nothing",
            "enrich.kubernetes.extract.labels[1].tag_name: must not be empty. Found: \"\"",
            "enrich.kubernetes.extract.labels[2].tag_name: must be a unique attribute key."
                + " Found: \"k8s.pod.name\" (also at enrich.kubernetes.extract.metadata[1])",
            "enrich.kubernetes.extract.annotations: must be a list. Found: a mapping",
            "enrich.kubernetes.attributes_as_labels: must be a boolean. Found: \"yes please\"",
            "enrich.resource_attributes.k8s.cluster.name: must not be empty. Found: \"\"",
            "enrich.staleness.punctuate_interval: must be greater than 0s. Found: 0s",
            "enrich.staleness.enable: unknown key. Expected one of: enabled, punctuate_interval");
  }

  @Test
  void shouldReportClusterAttributeWhenItRepeatsAnExtractedKey() {
    String yaml =
        """
        enrich:
          kubernetes: {extract: {labels: [{key: app, tag_name: service.name}]}}
          resource_attributes: {service.name: x, k8s.node.name: y}
        """;

    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> ConfigLoader.load(yaml, "test.yaml", Map.of()));

    assertThat(e.problems())
        .containsExactly(
            "enrich.resource_attributes.service.name: must be a unique attribute key."
                + " Found: \"service.name\" (also at enrich.kubernetes.extract.labels[0].tag_name)",
            "enrich.resource_attributes.k8s.node.name: must be a unique attribute key."
                + " Found: \"k8s.node.name\" (also at enrich.kubernetes.extract.metadata"
                + " (default))");
  }

  @Test
  void shouldRejectRecordWhenAttributeKeyRepeats() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new KubernetesEnrichSettings(
                    true,
                    List.of(),
                    List.of(KubernetesAttribute.POD_NAME),
                    List.of(new ExtractRule("name", "k8s.pod.name")),
                    List.of(),
                    List.of(),
                    false))
        .withMessage("attribute keys must be unique. Found: \"k8s.pod.name\" twice");
  }

  @Test
  void shouldRejectAddressAssociationWhenIdentifierIsUid() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new PodAssociation(PodAssociation.Source.ADDRESS, "", Identifier.UID))
        .withMessage("identifier must be ip when from is address. Found: uid");
  }

  @Test
  void shouldDerivePunctuateIntervalFromShortestScrapeIntervalWhenNotConfigured() {
    StalenessSettings derived = StalenessSettings.defaults();
    StalenessSettings configured = new StalenessSettings(true, Optional.of(Duration.ofSeconds(3)));

    assertThat(derived.punctuateIntervalOr(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
    assertThat(derived.punctuateIntervalOr(Duration.ofMinutes(1)))
        .isEqualTo(Duration.ofSeconds(10));
    assertThat(configured.punctuateIntervalOr(Duration.ofSeconds(1)))
        .isEqualTo(Duration.ofSeconds(3));
  }
}
