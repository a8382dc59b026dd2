package io.scrapestream.allocator.allocation;

import io.scrapestream.allocator.target.Target;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which scraper scrapes which target: every ready scraper with its targets (sorted by key, possibly
 * none), and the targets no scraper could take (no scraper ready; per-node: no scraper on the
 * target's node).
 */
public record Allocation(SortedMap<String, List<Target>> byScraper, List<Target> unassigned) {
  public Allocation {
    SortedMap<String, List<Target>> copy = new TreeMap<>();
    byScraper.forEach((scraper, targets) -> copy.put(scraper, List.copyOf(targets)));
    byScraper = Collections.unmodifiableSortedMap(copy);
    unassigned = List.copyOf(unassigned);
  }

  public static Allocation empty() {
    return new Allocation(new TreeMap<>(), List.of());
  }

  /** Target key to scraper id, for every assigned target. */
  public Map<String, String> scraperByTargetKey() {
    Map<String, String> map = new HashMap<>();
    byScraper.forEach((scraper, targets) -> targets.forEach(t -> map.put(t.key(), scraper)));
    return map;
  }

  /** The scraper of the target with {@code key}, if it is assigned. */
  public Optional<String> scraperOf(String key) {
    return Optional.ofNullable(scraperByTargetKey().get(key));
  }

  public int assignedCount() {
    return byScraper.values().stream().mapToInt(List::size).sum();
  }
}
