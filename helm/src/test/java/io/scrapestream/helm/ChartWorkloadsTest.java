package io.scrapestream.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChartWorkloadsTest {
  @Test
  void shouldRunTwoAllocatorsWithADisruptionBudgetWhenDefaults() {
    List<HasMetadata> resources = Chart.defaults();

    Deployment allocator = deployment(resources, "ss-scrapestream-allocator");
    PodDisruptionBudget pdb = Chart.ofKind(resources, PodDisruptionBudget.class).get(0);

    assertThat(allocator.getSpec().getReplicas()).isEqualTo(2);
    assertThat(container(allocator.getSpec().getTemplate().getSpec()).getArgs())
        .containsExactly("allocator", "--config", "/etc/scrapestream/config.yaml");
    assertThat(pdb.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
    assertThat(pdb.getSpec().getSelector().getMatchLabels())
        .isEqualTo(allocator.getSpec().getSelector().getMatchLabels());
  }

  @Test
  void shouldNameEachScraperAfterItsPodWhenDefaults() {
    StatefulSet scrapers = Chart.ofKind(Chart.defaults(), StatefulSet.class).get(0);
    Container container = container(scrapers.getSpec().getTemplate().getSpec());

    assertThat(scrapers.getSpec().getReplicas()).isEqualTo(2);
    assertThat(scrapers.getSpec().getServiceName()).isEqualTo("ss-scrapestream-scraper");
    assertThat(container.getArgs())
        .containsExactly("ingest", "--config", "/etc/scrapestream/config.yaml");
    EnvVar id = env(container, "SCRAPESTREAM_SCRAPER_ID");
    assertThat(id.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
  }

  @Test
  void shouldRunOneSinkPerBackendWhenTwoBackendsAreConfigured() {
    List<HasMetadata> resources =
        Chart.manifests(
            Chart.template(
                null,
                Map.of(
                    "backends[0].name", "prom",
                    "backends[0].exporter.remote_write.url", "http://p:9090/api/v1/write",
                    "backends[1].name", "files",
                    "backends[1].exporter.file.path", "/tmp/out.jsonl",
                    "backends[1].replicas", 3)));

    assertThat(deployment(resources, "ss-scrapestream-sink-prom").getSpec().getReplicas())
        .isEqualTo(1);
    Deployment files = deployment(resources, "ss-scrapestream-sink-files");
    assertThat(files.getSpec().getReplicas()).isEqualTo(3);
    assertThat(container(files.getSpec().getTemplate().getSpec()).getArgs())
        .containsExactly("sink", "--config", "/etc/scrapestream/config.yaml", "--backend", "files");
    assertThat(files.getSpec().getSelector().getMatchLabels())
        .containsEntry("scrapestream.io/backend", "files");
  }

  @Test
  void shouldKeepEnrichStateInASizedEmptyDirWhenDefaults() {
    PodSpec pod =
        deployment(Chart.defaults(), "ss-scrapestream-enrich").getSpec().getTemplate().getSpec();

    assertThat(volume(pod, "state").getEmptyDir().getSizeLimit()).isEqualTo(new Quantity("10Gi"));
    assertThat(container(pod).getVolumeMounts())
        .anySatisfy(
            m -> {
              assertThat(m.getName()).isEqualTo("state");
              assertThat(m.getMountPath()).isEqualTo("/var/lib/scrapestream/enrich");
            });
    assertThat(container(pod).getArgs())
        .containsSubsequence("--state-dir", "/var/lib/scrapestream/enrich");
  }

  @Test
  void shouldKeepEnrichStateOnAClaimWhenElasticsearchExample() {
    List<HasMetadata> resources = Chart.example("elasticsearch");

    Deployment enrich = deployment(resources, "ss-scrapestream-enrich");
    PersistentVolumeClaim claim = Chart.ofKind(resources, PersistentVolumeClaim.class).get(0);

    assertThat(enrich.getSpec().getStrategy().getType()).isEqualTo("Recreate");
    assertThat(
            volume(enrich.getSpec().getTemplate().getSpec(), "state")
                .getPersistentVolumeClaim()
                .getClaimName())
        .isEqualTo(claim.getMetadata().getName());
    assertThat(claim.getSpec().getResources().getRequests())
        .containsEntry("storage", new Quantity("20Gi"));
    assertThat(claim.getSpec().getStorageClassName()).isEqualTo("gp3");
  }

  @Test
  void shouldRefuseTwoEnrichReplicasWhenStateIsAReadWriteOnceClaim() {
    Throwable error =
        catchThrowable(
            () ->
                Chart.templateOf(
                    Chart.DIR,
                    null,
                    Map.of("enrich.state.volume", "persistentVolumeClaim", "enrich.replicas", 2)));

    assertThat(error)
        .hasMessage(
            "execution error at (scrapestream/templates/enrich-deployment.yaml:5:4): enrich.replicas"
                + " must be 1 with a ReadWriteOnce state claim (enrich.state.volume"
                + " persistentVolumeClaim). Found: 2\n\nUse --debug flag to render out invalid YAML");
  }

  @Test
  void shouldMountKafkaSecretsInEveryPodWhenElasticsearchExample() {
    List<HasMetadata> resources = Chart.example("elasticsearch");

    Workloads.podSpecs(resources)
        .forEach(
            (name, pod) -> {
              assertThat(volume(pod, "kafka-sasl").getSecret().getSecretName())
                  .as(name)
                  .isEqualTo("scrapestream-kafka");
              assertThat(volume(pod, "kafka-ca").getSecret().getSecretName())
                  .as(name)
                  .isEqualTo("kafka-ca");
              assertThat(container(pod).getVolumeMounts())
                  .as(name)
                  .anySatisfy(
                      m -> assertThat(m.getMountPath()).isEqualTo("/etc/scrapestream/kafka/sasl"));
            });
  }

  @Test
  void shouldReferenceBackendSecretsWithoutInliningThemWhenElasticsearchExample() {
    List<HasMetadata> resources = Chart.example("elasticsearch");

    Container sink =
        container(
            deployment(resources, "ss-scrapestream-sink-elasticsearch")
                .getSpec()
                .getTemplate()
                .getSpec());
    EnvVar apiKey = env(sink, "ES_API_KEY");
    assertThat(apiKey.getValue()).isNull();
    assertThat(apiKey.getValueFrom().getSecretKeyRef().getName())
        .isEqualTo("scrapestream-elasticsearch");
    assertThat(apiKey.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("api-key");
    assertThat(Chart.template(Chart.DIR.resolve("examples/elasticsearch.yaml"), Map.of()))
        .doesNotContain("kind: Secret");
  }

  @Test
  void shouldAllowOnlyTelemetryAndTheScrapersWhenNetworkPoliciesAreOn() {
    List<NetworkPolicy> policies =
        Chart.ofKind(Chart.example("elasticsearch"), NetworkPolicy.class);

    assertThat(policies)
        .extracting(p -> p.getMetadata().getName())
        .containsExactly(
            "ss-scrapestream-allocator",
            "ss-scrapestream-enrich",
            "ss-scrapestream-scraper",
            "ss-scrapestream-sink");
    NetworkPolicy allocator = policies.get(0);
    assertThat(allocator.getSpec().getIngress()).hasSize(2);
    assertThat(
            allocator
                .getSpec()
                .getIngress()
                .get(1)
                .getFrom()
                .get(0)
                .getPodSelector()
                .getMatchLabels())
        .containsEntry("app.kubernetes.io/component", "scraper");
    assertThat(policies.get(1).getSpec().getIngress()).singleElement();
  }

  @Test
  void shouldRefuseAutoscalingWhileScrapersAreListedStatically() {
    Throwable error =
        catchThrowable(
            () -> Chart.templateOf(Chart.DIR, null, Map.of("scraper.autoscaling.enabled", true)));

    assertThat(error.getMessage())
        .startsWith(
            "execution error at (scrapestream/templates/scraper-statefulset.yaml:3:4):"
                + " scraper.autoscaling.enabled: the allocator of this version lists scrapers"
                + " statically");
  }

  @Test
  void shouldMonitorEveryRoleThroughItsServiceWhenDefaults() {
    List<HasMetadata> resources = Chart.defaults();

    List<HasMetadata> monitors =
        resources.stream().filter(r -> r.getKind().equals("ServiceMonitor")).toList();

    assertThat(monitors)
        .extracting(m -> m.getMetadata().getLabels().get("app.kubernetes.io/component"))
        .containsExactlyInAnyOrder("allocator", "scraper", "enrich", "sink");
    assertThat(resources.stream().filter(r -> r.getKind().equals("PrometheusRule"))).hasSize(1);
  }

  private static Deployment deployment(List<HasMetadata> resources, String name) {
    return Chart.ofKind(resources, Deployment.class).stream()
        .filter(d -> d.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static Container container(PodSpec pod) {
    assertThat(pod.getContainers()).hasSize(1);
    return pod.getContainers().get(0);
  }

  private static io.fabric8.kubernetes.api.model.Volume volume(PodSpec pod, String name) {
    return pod.getVolumes().stream()
        .filter(v -> v.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static EnvVar env(Container container, String name) {
    return container.getEnv().stream()
        .filter(e -> e.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
