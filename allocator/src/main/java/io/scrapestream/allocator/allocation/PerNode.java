package io.scrapestream.allocator.allocation;

import io.scrapestream.allocator.target.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * As the OTel Target Allocator's per-node strategy: a target goes to a scraper on the node its
 * discovered labels name ({@link #NODE_LABELS}, first set wins); among several scrapers on that
 * node, to the one with the highest rendezvous score. Targets with no node, or whose node has no
 * ready scraper, stay unassigned.
 */
public final class PerNode implements AllocationStrategy {
  /** The discovered labels that name a target's node, as the OTel Target Allocator reads them. */
  public static final List<String> NODE_LABELS =
      List.of(
          "__meta_kubernetes_pod_node_name",
          "__meta_kubernetes_node_name",
          "__meta_kubernetes_endpoint_node_name",
          "__meta_kubernetes_endpointslice_endpoint_node_name");

  @Override
  public Allocation allocate(List<Target> targets, Scrapers scrapers, Allocation previous) {
    Map<String, List<String>> scrapersByNode = new TreeMap<>();
    scrapers
        .ids()
        .forEach(
            id ->
                scrapersByNode
                    .computeIfAbsent(scrapers.nodeOf(id), n -> new ArrayList<>())
                    .add(id));
    Map<String, long[]> hashesByNode = new TreeMap<>();
    scrapersByNode.forEach((node, ids) -> hashesByNode.put(node, Rendezvous.hashes(ids)));
    Map<String, List<Target>> byScraper = new TreeMap<>();
    scrapers.ids().forEach(id -> byScraper.put(id, new ArrayList<>()));
    List<Target> unassigned = new ArrayList<>();
    for (Target target : targets) {
      String node = nodeOf(target);
      List<String> candidates = node == null ? null : scrapersByNode.get(node);
      if (candidates == null) {
        unassigned.add(target);
      } else {
        byScraper.get(candidates.get(best(target.hash(), hashesByNode.get(node)))).add(target);
      }
    }
    return new Allocation(new TreeMap<>(byScraper), unassigned);
  }

  private static String nodeOf(Target target) {
    for (String label : NODE_LABELS) {
      String node = target.discoveredLabels().get(label);
      if (node != null) {
        return node;
      }
    }
    return null;
  }

  private static int best(long targetHash, long[] scraperHashes) {
    int best = 0;
    for (int s = 1; s < scraperHashes.length; s++) {
      if (Long.compareUnsigned(
              Rendezvous.score(targetHash, scraperHashes[s]),
              Rendezvous.score(targetHash, scraperHashes[best]))
          > 0) {
        best = s;
      }
    }
    return best;
  }
}
