package io.scrapestream.allocator.metadata;

import com.google.protobuf.ByteString;
import io.scrapestream.core.config.KafkaSettings;
import io.scrapestream.core.kafka.KafkaClientProperties;
import io.scrapestream.core.kafka.Topics;
import io.scrapestream.schemas.v1.K8sObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes pods, namespaces and nodes to the compacted {@code k8s.metadata} topic (DESIGN.md):
 * {@code pod/<uid>} and {@code ip/<podIP>} (every IP of the pod, except for host-network pods,
 * whose IP is their node's) carry the pod, {@code ns/<name>} the namespace, {@code node/<name>} the
 * node. A deletion writes tombstones; an {@code ip/} key is tombstoned only while the deleted (or
 * re-addressed) pod still owns it. An update that changes nothing a record carries writes nothing,
 * so pod status churn does not flood the topic: only a 32-byte fingerprint is kept per key.
 */
public final class KubernetesMetadataPublisher implements MetadataSink, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KubernetesMetadataPublisher.class);

  private final Producer<String, byte[]> producer;
  private final String topic;
  private final Clock clock;
  private final MetadataPublisherListener listener;
  private final Map<String, ByteString> fingerprints = new ConcurrentHashMap<>();
  private final Map<String, String> ipOwners = new ConcurrentHashMap<>();
  private final Map<String, List<String>> podIps = new ConcurrentHashMap<>();
  private final AtomicLong failures = new AtomicLong();

  public KubernetesMetadataPublisher(
      Producer<String, byte[]> producer,
      String topic,
      Clock clock,
      MetadataPublisherListener listener) {
    this.producer = producer;
    this.topic = topic;
    this.clock = clock;
    this.listener = listener;
  }

  /** A publisher with its own producer to {@code Topics.k8sMetadata(kafka)}. */
  public static KubernetesMetadataPublisher create(
      KafkaSettings kafka, String clientId, Clock clock, MetadataPublisherListener listener) {
    Producer<String, byte[]> producer =
        new KafkaProducer<>(
            KafkaClientProperties.producer(kafka, clientId),
            new StringSerializer(),
            new ByteArraySerializer());
    return new KubernetesMetadataPublisher(producer, Topics.k8sMetadata(kafka), clock, listener);
  }

  @Override
  public synchronized void podChanged(PodMetadata pod) {
    K8sObject record = MetadataRecords.pod(pod);
    String key = "pod/" + pod.uid();
    List<String> ips = pod.hostNetwork() ? List.of() : ips(pod);
    if (!publish(key, record)) {
      return;
    }
    byte[] value = record.toBuilder().setObservedMs(clock.millis()).build().toByteArray();
    for (String ip : ips) {
      send("ip/" + ip, value, null);
      ipOwners.put(ip, pod.uid());
    }
    List<String> previous = podIps.put(pod.uid(), ips);
    if (previous != null) {
      previous.stream().filter(ip -> !ips.contains(ip)).forEach(ip -> releaseIp(ip, pod.uid()));
    }
  }

  @Override
  public synchronized void podDeleted(PodMetadata lastKnown) {
    tombstone("Pod", "pod/" + lastKnown.uid());
    List<String> ips = podIps.remove(lastKnown.uid());
    if (ips != null) {
      ips.forEach(ip -> releaseIp(ip, lastKnown.uid()));
    }
  }

  @Override
  public synchronized void namespaceChanged(ObjectMetadata namespace) {
    publish("ns/" + namespace.name(), MetadataRecords.object("Namespace", namespace));
  }

  @Override
  public synchronized void namespaceDeleted(String name) {
    tombstone("Namespace", "ns/" + name);
  }

  @Override
  public synchronized void nodeChanged(ObjectMetadata node) {
    publish("node/" + node.name(), MetadataRecords.object("Node", node));
  }

  @Override
  public synchronized void nodeDeleted(String name) {
    tombstone("Node", "node/" + name);
  }

  /** Writes the record under {@code key} unless it is what was last written; true if written. */
  private boolean publish(String key, K8sObject record) {
    ByteString fingerprint = MetadataRecords.fingerprint(record);
    if (fingerprint.equals(fingerprints.put(key, fingerprint))) {
      listener.skippedUnchanged(record.getKind());
      return false;
    }
    send(key, record.toBuilder().setObservedMs(clock.millis()).build().toByteArray(), fingerprint);
    listener.published(record.getKind());
    return true;
  }

  private void tombstone(String kind, String key) {
    fingerprints.remove(key);
    send(key, null, null);
    listener.tombstoned(kind);
  }

  private void releaseIp(String ip, String uid) {
    if (ipOwners.remove(ip, uid)) {
      send("ip/" + ip, null, null);
    }
  }

  private void send(String key, byte[] value, ByteString fingerprint) {
    producer.send(
        new ProducerRecord<>(topic, key, value),
        (metadata, error) -> {
          if (error != null) {
            if (fingerprint != null) {
              fingerprints.remove(key, fingerprint);
            }
            listener.sendFailed();
            long count = failures.incrementAndGet();
            if ((count & (count - 1)) == 0) {
              LOG.warn(
                  "Cannot publish {} to {} ({} failures so far): {}",
                  key,
                  topic,
                  count,
                  error.toString());
            }
          }
        });
  }

  private static List<String> ips(PodMetadata pod) {
    Set<String> ips = new LinkedHashSet<>();
    if (!pod.podIp().isEmpty()) {
      ips.add(pod.podIp());
    }
    ips.addAll(pod.podIps());
    return new ArrayList<>(ips);
  }

  /** Flushes what is buffered and closes the producer. */
  @Override
  public void close() {
    producer.close();
  }
}
