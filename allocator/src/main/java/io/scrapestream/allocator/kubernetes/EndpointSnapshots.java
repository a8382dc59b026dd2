package io.scrapestream.allocator.kubernetes;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointConditions;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.Optional;

/** Turns fabric8 Endpoints and EndpointSlices into snapshots. */
final class EndpointSnapshots {
  private EndpointSnapshots() {}

  static EndpointsSnapshot endpoints(Endpoints endpoints) {
    return new EndpointsSnapshot(
        Snapshots.meta(endpoints.getMetadata(), false),
        Snapshots.mapList(endpoints.getSubsets(), EndpointSnapshots::subset));
  }

  static EndpointSliceSnapshot slice(EndpointSlice slice) {
    return new EndpointSliceSnapshot(
        Snapshots.meta(slice.getMetadata(), false),
        Snapshots.text(slice.getAddressType()),
        Snapshots.mapList(slice.getEndpoints(), EndpointSnapshots::sliceEndpoint),
        Snapshots.mapList(slice.getPorts(), EndpointSnapshots::slicePort));
  }

  private static EndpointsSnapshot.Subset subset(EndpointSubset subset) {
    return new EndpointsSnapshot.Subset(
        Snapshots.mapList(subset.getAddresses(), EndpointSnapshots::address),
        Snapshots.mapList(subset.getNotReadyAddresses(), EndpointSnapshots::address),
        Snapshots.mapList(subset.getPorts(), EndpointSnapshots::port));
  }

  private static EndpointsSnapshot.Address address(EndpointAddress address) {
    return new EndpointsSnapshot.Address(
        Snapshots.text(address.getIp()),
        Snapshots.text(address.getHostname()),
        Optional.ofNullable(address.getNodeName()),
        Snapshots.targetRef(address.getTargetRef()));
  }

  private static EndpointsSnapshot.Port port(EndpointPort port) {
    return new EndpointsSnapshot.Port(
        Snapshots.text(port.getName()),
        port.getPort() == null ? 0 : port.getPort(),
        Snapshots.text(port.getProtocol()));
  }

  private static EndpointSliceSnapshot.Endpoint sliceEndpoint(Endpoint endpoint) {
    EndpointConditions conditions = endpoint.getConditions();
    return new EndpointSliceSnapshot.Endpoint(
        Snapshots.list(endpoint.getAddresses()),
        Optional.ofNullable(conditions).map(EndpointConditions::getReady),
        Optional.ofNullable(conditions).map(EndpointConditions::getServing),
        Optional.ofNullable(conditions).map(EndpointConditions::getTerminating),
        Optional.ofNullable(endpoint.getHostname()),
        Optional.ofNullable(endpoint.getNodeName()),
        Optional.ofNullable(endpoint.getZone()),
        Snapshots.targetRef(endpoint.getTargetRef()),
        Snapshots.map(endpoint.getDeprecatedTopology()));
  }

  private static EndpointSliceSnapshot.Port slicePort(
      io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort port) {
    return new EndpointSliceSnapshot.Port(
        Optional.ofNullable(port.getName()),
        Optional.ofNullable(port.getPort()),
        Optional.ofNullable(port.getProtocol()),
        Optional.ofNullable(port.getAppProtocol()));
  }
}
