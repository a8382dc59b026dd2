package io.scrapestream.allocator.metadata;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import io.scrapestream.schemas.v1.Container;
import io.scrapestream.schemas.v1.K8sObject;
import io.scrapestream.schemas.v1.OwnerReference;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.TreeMap;

/** Builds the {@code K8sObject} values of the {@code k8s.metadata} topic and their fingerprints. */
final class MetadataRecords {
  private MetadataRecords() {}

  /** The record of a pod, without {@code observed_ms}. */
  static K8sObject pod(PodMetadata pod) {
    K8sObject.Builder builder =
        K8sObject.newBuilder()
            .setKind("Pod")
            .setUid(pod.uid())
            .setName(pod.name())
            .setNamespace(pod.namespace())
            .putAllLabels(new TreeMap<>(pod.labels()))
            .putAllAnnotations(new TreeMap<>(pod.annotations()))
            .setPodIp(pod.podIp())
            .addAllPodIps(pod.podIps())
            .setNodeName(pod.nodeName())
            .setPhase(pod.phase());
    pod.owners()
        .forEach(
            o ->
                builder.addOwners(
                    OwnerReference.newBuilder()
                        .setKind(o.kind())
                        .setName(o.name())
                        .setUid(o.uid())));
    pod.containers()
        .forEach(
            c ->
                builder.addContainers(
                    Container.newBuilder()
                        .setName(c.name())
                        .setImage(c.image())
                        .setContainerId(c.containerId())));
    return builder.build();
  }

  /** The record of a namespace ({@code Namespace}) or node ({@code Node}). */
  static K8sObject object(String kind, ObjectMetadata object) {
    return K8sObject.newBuilder()
        .setKind(kind)
        .setUid(object.uid())
        .setName(object.name())
        .putAllLabels(new TreeMap<>(object.labels()))
        .putAllAnnotations(new TreeMap<>(object.annotations()))
        .build();
  }

  /**
   * A SHA-256 of the record's deterministic serialization (map entries sorted), so equal content
   * gives equal fingerprints whatever the map order; 32 bytes kept per key instead of the record.
   */
  static ByteString fingerprint(K8sObject object) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(object.getSerializedSize());
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      out.useDeterministicSerialization();
      object.writeTo(out);
      out.flush();
      return ByteString.copyFrom(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }
}
