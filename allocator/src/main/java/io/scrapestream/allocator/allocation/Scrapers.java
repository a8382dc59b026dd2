package io.scrapestream.allocator.allocation;

import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The ready scrapers (collector ids) an allocation is for, and the node each runs on where known
 * (per-node allocation).
 */
public record Scrapers(SortedSet<String> ids, Map<String, String> nodes) {
  public Scrapers {
    ids = Collections.unmodifiableSortedSet(new TreeSet<>(ids));
    nodes = Collections.unmodifiableMap(new TreeMap<>(nodes));
  }

  public static Scrapers of(SortedSet<String> ids) {
    return new Scrapers(ids, Map.of());
  }

  /** The node of {@code id}, or the id itself when no node is known (static membership). */
  public String nodeOf(String id) {
    return nodes.getOrDefault(id, id);
  }
}
