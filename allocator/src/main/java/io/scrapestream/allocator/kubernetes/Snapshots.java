package io.scrapestream.allocator.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressSpec;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns fabric8 objects into {@link Snapshot}s, keeping only what discovery and the metadata
 * publisher read. Missing fields read as empty strings, lists or maps, never null.
 */
final class Snapshots {
  private Snapshots() {}

  /** The snapshot of an object of {@code kind}. */
  static Snapshot of(ResourceKind kind, HasMetadata object) {
    return switch (kind) {
      case POD -> PodSnapshots.of((Pod) object);
      case SERVICE -> service((Service) object);
      case ENDPOINTS ->
          EndpointSnapshots.endpoints((io.fabric8.kubernetes.api.model.Endpoints) object);
      case ENDPOINT_SLICE ->
          EndpointSnapshots.slice(
              (io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice) object);
      case NODE -> node((Node) object);
      case INGRESS -> ingress((Ingress) object);
      case NAMESPACE -> new MetaSnapshot(meta(object.getMetadata(), false));
      case REPLICA_SET, JOB -> new MetaSnapshot(meta(object.getMetadata(), true));
    };
  }

  /** The metadata, with owner references only when asked for. */
  static Meta meta(ObjectMeta meta, boolean withOwners) {
    List<Meta.OwnerRef> owners =
        withOwners
            ? list(meta.getOwnerReferences()).stream().map(Snapshots::owner).toList()
            : List.of();
    return new Meta(
        text(meta.getNamespace()),
        text(meta.getName()),
        text(meta.getUid()),
        map(meta.getLabels()),
        map(meta.getAnnotations()),
        owners);
  }

  static ServiceSnapshot service(Service service) {
    var spec =
        service.getSpec() != null
            ? service.getSpec()
            : new io.fabric8.kubernetes.api.model.ServiceSpec();
    List<ServiceSnapshot.Port> ports =
        list(spec.getPorts()).stream().map(Snapshots::servicePort).toList();
    return new ServiceSnapshot(
        meta(service.getMetadata(), false),
        text(spec.getType()),
        text(spec.getClusterIP()),
        text(spec.getExternalName()),
        text(spec.getLoadBalancerIP()),
        ports);
  }

  static NodeSnapshot node(Node node) {
    var status = node.getStatus();
    List<NodeSnapshot.Address> addresses =
        status == null
            ? List.of()
            : list(status.getAddresses()).stream().map(Snapshots::nodeAddress).toList();
    Integer port =
        status == null
                || status.getDaemonEndpoints() == null
                || status.getDaemonEndpoints().getKubeletEndpoint() == null
            ? null
            : status.getDaemonEndpoints().getKubeletEndpoint().getPort();
    var spec = node.getSpec();
    return new NodeSnapshot(
        meta(node.getMetadata(), false),
        spec == null ? "" : text(spec.getProviderID()),
        addresses,
        port == null ? 0 : port,
        spec != null && Boolean.TRUE.equals(spec.getUnschedulable()));
  }

  static IngressSnapshot ingress(Ingress ingress) {
    IngressSpec spec = ingress.getSpec() != null ? ingress.getSpec() : new IngressSpec();
    List<IngressSnapshot.Rule> rules =
        list(spec.getRules()).stream().map(Snapshots::ingressRule).toList();
    List<String> tlsHosts =
        list(spec.getTls()).stream()
            .map(IngressTLS::getHosts)
            .flatMap(h -> list(h).stream())
            .toList();
    return new IngressSnapshot(
        meta(ingress.getMetadata(), false),
        Optional.ofNullable(spec.getIngressClassName()),
        rules,
        tlsHosts);
  }

  static Optional<TargetRef> targetRef(ObjectReference ref) {
    if (ref == null) {
      return Optional.empty();
    }
    return Optional.of(
        new TargetRef(text(ref.getKind()), text(ref.getNamespace()), text(ref.getName())));
  }

  static String text(String value) {
    return value == null ? "" : value;
  }

  static <T> List<T> list(List<T> values) {
    return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
  }

  static Map<String, String> map(Map<String, String> values) {
    if (values == null) {
      return Map.of();
    }
    return values.entrySet().stream()
        .filter(e -> e.getKey() != null && e.getValue() != null)
        .collect(
            java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  static <T, R> List<R> mapList(List<T> values, Function<T, R> mapper) {
    return list(values).stream().map(mapper).toList();
  }

  private static Meta.OwnerRef owner(OwnerReference ref) {
    return new Meta.OwnerRef(
        text(ref.getKind()),
        text(ref.getName()),
        text(ref.getUid()),
        Boolean.TRUE.equals(ref.getController()));
  }

  private static ServiceSnapshot.Port servicePort(ServicePort port) {
    return new ServiceSnapshot.Port(
        text(port.getName()),
        port.getPort() == null ? 0 : port.getPort(),
        text(port.getProtocol()));
  }

  private static NodeSnapshot.Address nodeAddress(NodeAddress address) {
    return new NodeSnapshot.Address(text(address.getType()), text(address.getAddress()));
  }

  private static IngressSnapshot.Rule ingressRule(IngressRule rule) {
    Optional<List<String>> paths =
        Optional.ofNullable(rule.getHttp())
            .map(http -> list(http.getPaths()).stream().map(p -> text(p.getPath())).toList());
    return new IngressSnapshot.Rule(text(rule.getHost()), paths);
  }
}
