package io.scrapestream.allocator.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.scrapestream.allocator.metadata.MetadataSink;
import io.scrapestream.allocator.metadata.ObjectMetadata;
import io.scrapestream.allocator.metadata.PodMetadata;
import io.scrapestream.allocator.metadata.PodMetadata.Owner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@EnableKubernetesMockClient(crud = true, https = false)
@Timeout(60)
class KubernetesMetadataFeedIT {
  private static final Duration WAIT = Duration.ofSeconds(15);

  KubernetesClient client;
  private final RecordingSink sink = new RecordingSink();
  private KubernetesInformers informers;
  private KubernetesMetadataFeed feed;

  @AfterEach
  void stop() {
    feed.close();
    informers.close();
  }

  @Test
  void shouldResolveReplicaSetToDeploymentWhenPodIsOwnedByReplicaSet() {
    ReplicaSet rs =
        client.resource(replicaSet("web-7d9c", "rs-of-dep", "Deployment", "web")).create();
    Pod pod =
        client
            .resource(ownedPod("web-7d9c-abc", "ReplicaSet", "web-7d9c", rs.getMetadata().getUid()))
            .create();
    start();

    await().atMost(WAIT).until(() -> sink.pods().size() == 1);
    assertThat(sink.pods().get(0))
        .isEqualTo(
            new PodMetadata(
                pod.getMetadata().getUid(),
                "web-7d9c-abc",
                "shop",
                Map.of(),
                Map.of(),
                "1.2.3.4",
                List.of(),
                false,
                "testnode",
                List.of(
                    new Owner("ReplicaSet", "web-7d9c", rs.getMetadata().getUid()),
                    new Owner("Deployment", "web", "uid-web")),
                "Running",
                List.of(
                    new PodMetadata.ContainerInfo(
                        "testcontainer", "testcontainer:latest", "docker://a1b2c3d4e5f6"))));
  }

  @Test
  void shouldResolveJobToCronJobWhenPodIsOwnedByJob() {
    Job job =
        client
            .resource(
                new JobBuilder()
                    .withNewMetadata()
                    .withName("backup-1")
                    .withNamespace("shop")
                    .addNewOwnerReference()
                    .withApiVersion("batch/v1")
                    .withKind("CronJob")
                    .withName("backup")
                    .withUid("uid-backup")
                    .withController(true)
                    .endOwnerReference()
                    .endMetadata()
                    .build())
            .create();
    client.resource(ownedPod("backup-1-x", "Job", "backup-1", job.getMetadata().getUid())).create();
    start();

    await().atMost(WAIT).until(() -> sink.pods().size() == 1);
    assertThat(sink.pods().get(0).owners())
        .containsExactly(
            new Owner("Job", "backup-1", job.getMetadata().getUid()),
            new Owner("CronJob", "backup", "uid-backup"));
  }

  @Test
  void shouldRefeedPodWithFullChainWhenItsReplicaSetArrivesLate() {
    client.resource(ownedPod("late-abc", "ReplicaSet", "late", "uid-late-rs")).create();
    start();
    await().atMost(WAIT).until(() -> sink.pods().size() == 1);
    assertThat(sink.pods().get(0).owners())
        .containsExactly(new Owner("ReplicaSet", "late", "uid-late-rs"));

    informers
        .<MetaSnapshot>cache(ResourceKind.REPLICA_SET)
        .put(
            new MetaSnapshot(
                new Meta(
                    "shop",
                    "late",
                    "uid-late-rs",
                    Map.of(),
                    Map.of(),
                    List.of(new Meta.OwnerRef("Deployment", "late-app", "uid-dep", true)))));

    await().atMost(WAIT).until(() -> sink.pods().size() == 2);
    assertThat(sink.pods().get(1).owners())
        .containsExactly(
            new Owner("ReplicaSet", "late", "uid-late-rs"),
            new Owner("Deployment", "late-app", "uid-dep"));
  }

  @Test
  void shouldFeedNamespacesNodesAndDeletionsWhenTheyChange() {
    start();
    client.resource(K8sObjects.namespace("shop", Map.of("env", "prod"), Map.of())).create();
    String nodeUid =
        client
            .resource(K8sObjects.node("node-1", Map.of("zone", "a"), Map.of()))
            .create()
            .getMetadata()
            .getUid();
    Pod pod = client.resource(K8sObjects.pod("shop", "db-0")).create();
    await().atMost(WAIT).until(() -> sink.pods().size() == 1);

    client.pods().inNamespace("shop").withName("db-0").delete();
    client.namespaces().withName("shop").delete();

    await().atMost(WAIT).until(() -> sink.events().contains("namespaceDeleted shop"));
    // Each kind has its own informer, so only the order within a kind is defined.
    assertThat(sink.events()).contains("nodeChanged node-1 " + nodeUid + " {zone=a}");
    assertThat(sink.events())
        .containsSubsequence(
            "podChanged " + pod.getMetadata().getUid(), "podDeleted " + pod.getMetadata().getUid());
    assertThat(sink.events()).containsSubsequence("namespaceChanged shop", "namespaceDeleted shop");
  }

  private void start() {
    informers = new KubernetesInformers(client, InformerPlan.empty(), KubernetesListener.NO_OP);
    feed = new KubernetesMetadataFeed(informers, sink);
  }

  private static ReplicaSet replicaSet(
      String name, String uidHint, String ownerKind, String ownerName) {
    return new ReplicaSetBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("shop")
        .addNewOwnerReference()
        .withApiVersion("apps/v1")
        .withKind(ownerKind)
        .withName(ownerName)
        .withUid("uid-" + ownerName)
        .withController(true)
        .endOwnerReference()
        .endMetadata()
        .build();
  }

  private static Pod ownedPod(String name, String kind, String owner, String uid) {
    return new PodBuilder(K8sObjects.pod("shop", name))
        .editMetadata()
        .addNewOwnerReference()
        .withApiVersion("v1")
        .withKind(kind)
        .withName(owner)
        .withUid(uid)
        .withController(true)
        .endOwnerReference()
        .endMetadata()
        .build();
  }

  /** Records what the feed hands to the publisher. */
  private static final class RecordingSink implements MetadataSink {
    private final List<PodMetadata> pods = new ArrayList<>();
    private final List<String> events = new ArrayList<>();

    synchronized List<PodMetadata> pods() {
      return List.copyOf(pods);
    }

    synchronized List<String> events() {
      return List.copyOf(events);
    }

    @Override
    public synchronized void podChanged(PodMetadata pod) {
      pods.add(pod);
      events.add("podChanged " + pod.uid());
    }

    @Override
    public synchronized void podDeleted(PodMetadata lastKnown) {
      events.add("podDeleted " + lastKnown.uid());
    }

    @Override
    public synchronized void namespaceChanged(ObjectMetadata namespace) {
      events.add("namespaceChanged " + namespace.name());
    }

    @Override
    public synchronized void namespaceDeleted(String name) {
      events.add("namespaceDeleted " + name);
    }

    @Override
    public synchronized void nodeChanged(ObjectMetadata node) {
      events.add("nodeChanged " + node.name() + " " + node.uid() + " " + node.labels());
    }

    @Override
    public synchronized void nodeDeleted(String name) {
      events.add("nodeDeleted " + name);
    }
  }
}
