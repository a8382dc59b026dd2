package io.scrapestream.enrich.topology;

import static io.scrapestream.enrich.Batches.lines;
import static io.scrapestream.enrich.Batches.scrape;
import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.core.config.EnrichSettings;
import io.scrapestream.core.config.ExtractRule;
import io.scrapestream.core.config.KubernetesAttribute;
import io.scrapestream.core.config.KubernetesEnrichSettings;
import io.scrapestream.core.config.PodAssociation;
import io.scrapestream.core.config.ProcessingGuarantee;
import io.scrapestream.core.config.StalenessSettings;
import io.scrapestream.schemas.v1.K8sObject;
import io.scrapestream.schemas.v1.OwnerReference;
import io.scrapestream.schemas.v1.ScrapeBatch;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubernetesEnrichmentTopologyTest {
  private static final K8sObject POD =
      K8sObject.newBuilder()
          .setKind("Pod")
          .setUid("uid-1")
          .setName("web-7d9c-abcde")
          .setNamespace("shop")
          .putLabels("app", "web")
          .putLabels("pod-template-hash", "7d9c")
          .putAnnotations("team", "checkout")
          .setPodIp("10.0.0.1")
          .addPodIps("10.0.0.1")
          .setNodeName("node-a")
          .addOwners(OwnerReference.newBuilder().setKind("ReplicaSet").setName("web-7d9c"))
          .addOwners(OwnerReference.newBuilder().setKind("Deployment").setName("web"))
          .build();
  private static final K8sObject NAMESPACE =
      K8sObject.newBuilder()
          .setKind("Namespace")
          .setName("shop")
          .putLabels("tier", "front")
          .build();
  private static final List<String> POD_ATTRIBUTES =
      List.of(
          "k8s.namespace.name=shop",
          "k8s.pod.name=web-7d9c-abcde",
          "k8s.pod.uid=uid-1",
          "k8s.node.name=node-a",
          "k8s.deployment.name=web",
          "k8s.pod.labels.app=web",
          "k8s.pod.annotations.team=checkout",
          "k8s.namespace.labels.tier=front",
          "deployment.environment.name=prod",
          "k8s.cluster.name=eu-1");

  @TempDir Path stateDir;
  private EnrichDriver enrich;

  @AfterEach
  void tearDown() {
    enrich.close();
  }

  @Test
  void shouldAttachPodAttributesOnceWhenTargetLabelNamesPodUid() {
    start(false, false);
    enrich.metadata("pod/uid-1", POD);
    enrich.metadata("ns/shop", NAMESPACE);
    ScrapeBatch in =
        scrape("t1", 1_000)
            .targetLabel("pod_uid", "uid-1")
            .targetLabel("instance", "web:8080")
            .scrapeUrl("http://web:8080/metrics")
            .sample("a", 1)
            .sample("b", 2)
            .build();

    enrich.pipe(in);

    ScrapeBatch out = enrich.readOne();
    assertThat(attributes(out)).containsExactlyElementsOf(POD_ATTRIBUTES);
    assertThat(out.getSeriesList()).isEqualTo(in.getSeriesList());
    assertThat(Arrays.copyOf(out.toByteArray(), in.getSerializedSize()))
        .isEqualTo(in.toByteArray());
    assertThat(enrich.listener.calls).containsExactly("kubernetes hit", "batchWritten 2");
  }

  @Test
  void shouldFindPodByIpWhenInstanceHoldsPodIp() {
    start(false, false);
    enrich.metadata("ip/10.0.0.1", POD);
    enrich.metadata("ns/shop", NAMESPACE);

    enrich.pipe(scrape("t2", 1_000).sample("a", 1).build());

    assertThat(attributes(enrich.readOne())).containsExactlyElementsOf(POD_ATTRIBUTES);
  }

  @Test
  void shouldFindPodByScrapeAddressWhenInstanceIsRelabeled() {
    start(false, false);
    enrich.metadata("ip/fd00::7", POD);

    enrich.pipe(
        scrape("t3", 1_000)
            .targetLabel("instance", "checkout")
            .scrapeUrl("https://[fd00::7]:8443/metrics?x=1")
            .sample("a", 1)
            .build());

    assertThat(attributes(enrich.readOne()))
        .containsExactly(
            "k8s.namespace.name=shop",
            "k8s.pod.name=web-7d9c-abcde",
            "k8s.pod.uid=uid-1",
            "k8s.node.name=node-a",
            "k8s.deployment.name=web",
            "k8s.pod.labels.app=web",
            "k8s.pod.annotations.team=checkout",
            "deployment.environment.name=prod",
            "k8s.cluster.name=eu-1");
  }

  @Test
  void shouldAttachOnlyClusterAttributesAndCountMissWhenPodIsUnknown() {
    start(false, false);
    enrich.metadata("pod/uid-1", POD);
    enrich.metadata("pod/uid-1", null);
    enrich.metadata("ip/10.0.0.9", K8sObject.newBuilder().setKind("Node").setName("x").build());

    enrich.pipe(scrape("t4", 1_000).targetLabel("pod_uid", "uid-1").sample("a", 1).build());
    enrich.pipe(scrape("t4", 2_000).scrapeUrl("http://10.0.0.9:1/m").sample("a", 1).build());

    assertThat(enrich.readEnriched())
        .extracting(r -> attributes(r.value()))
        .containsExactly(
            List.of("deployment.environment.name=prod", "k8s.cluster.name=eu-1"),
            List.of("deployment.environment.name=prod", "k8s.cluster.name=eu-1"));
    assertThat(enrich.listener.calls)
        .containsExactly("kubernetes miss", "batchWritten 1", "kubernetes miss", "batchWritten 1");
  }

  @Test
  void shouldAddAttributesAsSortedLabelsToEverySeriesWhenConfigured() {
    start(true, true);
    enrich.metadata("ip/10.0.0.1", POD);
    enrich.metadata("ns/shop", NAMESPACE);
    enrich.pipe(scrape("t5", 1_000).sample("a", 1).sample("b", 2, "k8s_pod_name", "own").build());
    enrich.pipe(scrape("t5", 16_000).sample("a", 3).build());

    List<ScrapeBatch> out = enrich.readEnriched().stream().map(r -> r.value()).toList();
    String k8s =
        "k8s_cluster_name=\"eu-1\",k8s_deployment_name=\"web\",k8s_namespace_labels_tier="
            + "\"front\",k8s_namespace_name=\"shop\",k8s_node_name=\"node-a\",";
    String pod = "k8s_pod_annotations_team=\"checkout\",k8s_pod_labels_app=\"web\",";
    String rest = "k8s_pod_uid=\"uid-1\"}";
    String front = "{deployment_environment_name=\"prod\",instance=\"10.0.0.1:9100\",job=\"node\",";
    assertThat(lines(out.get(0)))
        .containsExactly(
            "a" + front + k8s + pod + "k8s_pod_name=\"web-7d9c-abcde\"," + rest + " 1",
            "b" + front + k8s + pod + "k8s_pod_name=\"own\"," + rest + " 2");
    assertThat(lines(out.get(1)))
        .containsExactly(
            "a" + front + k8s + pod + "k8s_pod_name=\"web-7d9c-abcde\"," + rest + " 3",
            "b" + front + k8s + pod + "k8s_pod_name=\"own\"," + rest + " stale");
    assertThat(attributes(out.get(1))).containsExactlyElementsOf(POD_ATTRIBUTES);
  }

  @Test
  void shouldLeaveSeriesLabelsAloneWhenAttributesAsLabelsIsOff() {
    start(false, true);
    enrich.metadata("ip/10.0.0.1", POD);
    enrich.pipe(scrape("t6", 1_000).sample("a", 1).report(true, "s").build());

    ScrapeBatch out = enrich.readOne();
    assertThat(lines(out))
        .allMatch(line -> line.contains("{instance=\"10.0.0.1:9100\",job=\"node\"} "));
    assertThat(lines(out))
        .last()
        .isEqualTo("scrape_series_added{instance=\"10.0.0.1:9100\",job=\"node\"} 1");
  }

  private void start(boolean attributesAsLabels, boolean staleness) {
    KubernetesEnrichSettings kubernetes =
        new KubernetesEnrichSettings(
            true,
            PodAssociation.defaults(),
            KubernetesAttribute.defaults(),
            List.of(new ExtractRule("app", "k8s.pod.labels.app")),
            List.of(new ExtractRule("team", "k8s.pod.annotations.team")),
            List.of(new ExtractRule("tier", "k8s.namespace.labels.tier")),
            attributesAsLabels);
    EnrichSettings settings =
        new EnrichSettings(
            "enrich-test",
            ProcessingGuarantee.AT_LEAST_ONCE,
            kubernetes,
            Map.of("k8s.cluster.name", "eu-1", "deployment.environment.name", "prod"),
            new StalenessSettings(staleness, Optional.empty()));
    enrich = new EnrichDriver(settings, stateDir);
  }

  static List<String> attributes(ScrapeBatch batch) {
    return batch.getResourceAttributesList().stream()
        .map(a -> a.getKey() + "=" + a.getValue())
        .toList();
  }
}
