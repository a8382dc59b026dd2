package io.scrapestream.allocator.allocation;

import io.scrapestream.allocator.target.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * As the OTel Target Allocator's least-weighted strategy: a target keeps the scraper the previous
 * allocation gave it while that scraper is ready; every other target, in key order, goes to the
 * scraper with the fewest targets (ties to the smallest id). Deterministic given (targets,
 * scrapers, previous) — but the previous allocation is history, so two replicas started at
 * different times may differ (see DESIGN.md).
 */
public final class LeastWeighted implements AllocationStrategy {

  @Override
  public Allocation allocate(List<Target> targets, Scrapers scrapers, Allocation previous) {
    if (scrapers.ids().isEmpty()) {
      return new Allocation(new TreeMap<>(), targets);
    }
    Map<String, String> kept = previous.scraperByTargetKey();
    Map<String, List<Target>> byScraper = new TreeMap<>();
    scrapers.ids().forEach(id -> byScraper.put(id, new ArrayList<>()));
    List<Target> unplaced = new ArrayList<>();
    for (Target target : targets) {
      String scraper = kept.get(target.key());
      if (scraper != null && byScraper.containsKey(scraper)) {
        byScraper.get(scraper).add(target);
      } else {
        unplaced.add(target);
      }
    }
    for (Target target : unplaced) {
      leastLoaded(byScraper).add(target);
    }
    byScraper.values().forEach(list -> list.sort(java.util.Comparator.comparing(Target::key)));
    return new Allocation(new TreeMap<>(byScraper), List.of());
  }

  private static List<Target> leastLoaded(Map<String, List<Target>> byScraper) {
    List<Target> least = null;
    for (List<Target> candidate : byScraper.values()) {
      if (least == null || candidate.size() < least.size()) {
        least = candidate;
      }
    }
    return least;
  }
}
