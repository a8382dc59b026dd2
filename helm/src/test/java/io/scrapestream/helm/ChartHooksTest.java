package io.scrapestream.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChartHooksTest {
  private static final String HOOK = "helm.sh/hook";
  private static final String WEIGHT = "helm.sh/hook-weight";

  @Test
  void shouldCreateTopicsInAHookThatRunsBeforeEverythingElseWhenDefaults() {
    List<HasMetadata> resources = Chart.defaults();

    Job job = Chart.ofKind(resources, Job.class).get(0);
    Map<String, String> annotations = job.getMetadata().getAnnotations();

    assertThat(annotations)
        .containsEntry(HOOK, "pre-install,pre-upgrade")
        .containsEntry(WEIGHT, "-10")
        .containsEntry("helm.sh/hook-delete-policy", "before-hook-creation,hook-succeeded");
    resources.stream()
        .filter(r -> r != job && !hookOf(r).isEmpty())
        .forEach(other -> assertRunsAfter(job, other));
    Workloads.longRunning(resources)
        .keySet()
        .forEach(name -> assertThat(hookOf(resources, name)).as(name).isEmpty());
  }

  @Test
  void shouldApplyTopicsWithPartitionsAndReplicationFactorFromValues() {
    List<HasMetadata> resources =
        Chart.manifests(
            Chart.template(null, Map.of("topics.partitions", 24, "topics.replicationFactor", 2)));

    Job job = Chart.ofKind(resources, Job.class).get(0);

    assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
        .containsExactly(
            "topics",
            "apply",
            "--config",
            "/etc/scrapestream/config.yaml",
            "--partitions",
            "24",
            "--replication-factor",
            "2");
    assertThat(job.getSpec().getBackoffLimit()).isEqualTo(3);
    assertThat(job.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
  }

  @Test
  void shouldReplaceTheJobWithKafkaTopicsWhenStrimziManagesTopics() {
    List<HasMetadata> resources = Chart.example("prometheus-otlp");

    assertThat(Chart.ofKind(resources, Job.class)).isEmpty();
    assertThat(
            resources.stream()
                .filter(r -> r.getKind().equals("KafkaTopic"))
                .map(r -> r.getMetadata().getName()))
        .containsExactly(
            "scrapestream-samples-raw",
            "scrapestream-samples-enriched",
            "scrapestream-k8s-metadata",
            "scrapestream-dlq-enrich",
            "scrapestream-dlq-prometheus");
  }

  /** A hook of a higher weight, or the Job's ConfigMap of equal weight (Helm: kinds in order). */
  private static void assertRunsAfter(Job job, HasMetadata other) {
    int jobWeight = Integer.parseInt(job.getMetadata().getAnnotations().get(WEIGHT));
    int weight = Integer.parseInt(other.getMetadata().getAnnotations().getOrDefault(WEIGHT, "0"));
    String name = other.getKind() + "/" + other.getMetadata().getName();
    assertThat(weight).as(name).isGreaterThanOrEqualTo(jobWeight);
    if (weight == jobWeight) {
      String config =
          job.getSpec().getTemplate().getSpec().getVolumes().get(0).getConfigMap().getName();
      assertThat(other).as(name).isInstanceOf(ConfigMap.class);
      assertThat(other.getMetadata().getName()).isEqualTo(config);
    }
  }

  private static String hookOf(HasMetadata resource) {
    Map<String, String> annotations = resource.getMetadata().getAnnotations();
    return annotations == null ? "" : annotations.getOrDefault(HOOK, "");
  }

  private static String hookOf(List<HasMetadata> resources, String kindAndName) {
    return resources.stream()
        .filter(r -> (r.getKind() + "/" + r.getMetadata().getName()).equals(kindAndName))
        .map(r -> r.getMetadata().getAnnotations())
        .map(a -> a == null ? "" : a.getOrDefault(HOOK, ""))
        .findFirst()
        .orElseThrow();
  }
}
