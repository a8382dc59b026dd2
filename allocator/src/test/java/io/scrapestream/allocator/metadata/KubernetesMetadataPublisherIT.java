package io.scrapestream.allocator.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.InvalidProtocolBufferException;
import io.scrapestream.core.config.KafkaSettings;
import io.scrapestream.core.kafka.Topics;
import io.scrapestream.schemas.v1.Container;
import io.scrapestream.schemas.v1.K8sObject;
import io.scrapestream.schemas.v1.OwnerReference;
import io.scrapestream.testsupport.kafka.KafkaFixture;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaFixture.class)
@Timeout(120)
class KubernetesMetadataPublisherIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
  private static final PodMetadata WEB =
      new PodMetadata(
          "uid-1",
          "web-7d9c-abc",
          "shop",
          Map.of("app", "web"),
          Map.of("team", "a"),
          "10.1.0.5",
          List.of("10.1.0.5", "fd00::5"),
          false,
          "node-1",
          List.of(
              new PodMetadata.Owner("ReplicaSet", "web-7d9c", "rs-1"),
              new PodMetadata.Owner("Deployment", "web", "dep-1")),
          "Running",
          List.of(new PodMetadata.ContainerInfo("app", "web:1", "containerd://c1")));

  private KafkaSettings kafka;
  private KubernetesMetadataPublisher publisher;
  private final List<String> events = new ArrayList<>();

  @BeforeEach
  void start(KafkaFixture.Broker broker) throws Exception {
    kafka = new KafkaSettings(broker.bootstrapServers(), broker.uniqueName("meta"), Map.of());
    try (Admin admin = Admin.create(broker.clientProperties())) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(Topics.k8sMetadata(kafka), 1, (short) 1)
                      .configs(Map.of("cleanup.policy", "compact"))))
          .all()
          .get();
    }
    publisher =
        KubernetesMetadataPublisher.create(
            kafka, "test-publisher", Clock.fixed(NOW, ZoneOffset.UTC), recordingListener());
  }

  @AfterEach
  void stop() {
    publisher.close();
  }

  @Test
  void shouldPublishPodUnderUidAndEveryIpWhenPodIsAdded() throws Exception {
    publisher.podChanged(WEB);
    publisher.namespaceChanged(
        new ObjectMetadata("ns-uid", "shop", Map.of("env", "prod"), Map.of()));
    publisher.nodeChanged(
        new ObjectMetadata("node-uid", "node-1", Map.of("zone", "a"), Map.of("x", "y")));

    K8sObject pod = expectedPod(WEB);
    assertThat(read(5))
        .containsExactly(
            new SimpleEntry<>("pod/uid-1", pod),
            new SimpleEntry<>("ip/10.1.0.5", pod),
            new SimpleEntry<>("ip/fd00::5", pod),
            new SimpleEntry<>(
                "ns/shop",
                K8sObject.newBuilder()
                    .setKind("Namespace")
                    .setUid("ns-uid")
                    .setName("shop")
                    .putLabels("env", "prod")
                    .setObservedMs(NOW.toEpochMilli())
                    .build()),
            new SimpleEntry<>(
                "node/node-1",
                K8sObject.newBuilder()
                    .setKind("Node")
                    .setUid("node-uid")
                    .setName("node-1")
                    .putLabels("zone", "a")
                    .putAnnotations("x", "y")
                    .setObservedMs(NOW.toEpochMilli())
                    .build()));
  }

  @Test
  void shouldSkipUnchangedUpdateAndTombstoneEverythingWhenPodIsDeleted() throws Exception {
    publisher.podChanged(WEB);
    publisher.podChanged(WEB);
    publisher.podDeleted(WEB);
    publisher.namespaceDeleted("shop");

    assertThat(read(7).subList(3, 7))
        .containsExactly(
            new SimpleEntry<>("pod/uid-1", null),
            new SimpleEntry<>("ip/10.1.0.5", null),
            new SimpleEntry<>("ip/fd00::5", null),
            new SimpleEntry<>("ns/shop", null));
    assertThat(events)
        .containsExactly("published Pod", "skipped Pod", "tombstoned Pod", "tombstoned Namespace");
  }

  @Test
  void shouldTombstoneIpOnlyWhileTheDeletedPodStillOwnsIt() throws Exception {
    PodMetadata moved = withIps(WEB, "10.1.0.6", List.of("10.1.0.6"));
    PodMetadata other =
        new PodMetadata(
            "uid-2",
            "db-0",
            "shop",
            Map.of(),
            Map.of(),
            "10.1.0.5",
            List.of("10.1.0.5"),
            false,
            "node-1",
            List.of(),
            "Running",
            List.of());
    publisher.podChanged(WEB);
    publisher.podChanged(other);
    publisher.podChanged(moved);
    publisher.podDeleted(moved);

    List<Map.Entry<String, K8sObject>> records = read(10);
    assertThat(
            records.subList(3, 10).stream()
                .map(e -> e.getKey() + (e.getValue() == null ? " X" : "")))
        .containsExactly(
            "pod/uid-2",
            "ip/10.1.0.5",
            "pod/uid-1",
            "ip/10.1.0.6",
            "ip/fd00::5 X",
            "pod/uid-1 X",
            "ip/10.1.0.6 X");
  }

  @Test
  void shouldNotPublishIpKeysWhenPodUsesHostNetwork() throws Exception {
    publisher.podChanged(
        new PodMetadata(
            "uid-3",
            "exporter",
            "shop",
            Map.of(),
            Map.of(),
            "192.168.0.10",
            List.of("192.168.0.10"),
            true,
            "node-1",
            List.of(),
            "Running",
            List.of()));
    publisher.podChanged(WEB);

    assertThat(read(4).stream().map(Map.Entry::getKey))
        .containsExactly("pod/uid-3", "pod/uid-1", "ip/10.1.0.5", "ip/fd00::5");
  }

  private static PodMetadata withIps(PodMetadata pod, String ip, List<String> ips) {
    return new PodMetadata(
        pod.uid(),
        pod.name(),
        pod.namespace(),
        pod.labels(),
        pod.annotations(),
        ip,
        ips,
        false,
        pod.nodeName(),
        pod.owners(),
        pod.phase(),
        pod.containers());
  }

  private static K8sObject expectedPod(PodMetadata pod) {
    return K8sObject.newBuilder()
        .setKind("Pod")
        .setUid("uid-1")
        .setName("web-7d9c-abc")
        .setNamespace("shop")
        .putLabels("app", "web")
        .putAnnotations("team", "a")
        .setPodIp("10.1.0.5")
        .addPodIps("10.1.0.5")
        .addPodIps("fd00::5")
        .setNodeName("node-1")
        .addOwners(
            OwnerReference.newBuilder().setKind("ReplicaSet").setName("web-7d9c").setUid("rs-1"))
        .addOwners(OwnerReference.newBuilder().setKind("Deployment").setName("web").setUid("dep-1"))
        .setPhase("Running")
        .addContainers(
            Container.newBuilder()
                .setName("app")
                .setImage("web:1")
                .setContainerId("containerd://c1"))
        .setObservedMs(NOW.toEpochMilli())
        .build();
  }

  private List<Map.Entry<String, K8sObject>> read(int count) throws Exception {
    Properties props = new Properties();
    props.put("bootstrap.servers", kafka.bootstrapServers());
    List<Map.Entry<String, K8sObject>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition partition = new TopicPartition(Topics.k8sMetadata(kafka), 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      await()
          .atMost(WAIT)
          .until(
              () -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                  records.add(new SimpleEntry<>(r.key(), parse(r.value())));
                }
                return records.size() >= count;
              });
    }
    return records;
  }

  private static K8sObject parse(byte[] value) throws InvalidProtocolBufferException {
    return value == null ? null : K8sObject.parseFrom(value);
  }

  private MetadataPublisherListener recordingListener() {
    return new MetadataPublisherListener() {
      @Override
      public void published(String kind) {
        events.add("published " + kind);
      }

      @Override
      public void tombstoned(String kind) {
        events.add("tombstoned " + kind);
      }

      @Override
      public void skippedUnchanged(String kind) {
        events.add("skipped " + kind);
      }

      @Override
      public void sendFailed() {
        events.add("failed");
      }
    };
  }
}
