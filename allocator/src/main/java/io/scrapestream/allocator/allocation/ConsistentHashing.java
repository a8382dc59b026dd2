package io.scrapestream.allocator.allocation;

import io.scrapestream.allocator.target.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rendezvous hashing with bounded loads (see DESIGN.md). Each target goes to the scraper with the
 * highest {@link Rendezvous#score} among those holding fewer than {@code ceil(c * targets /
 * scrapers)} targets; targets are placed in order of their hash, so the result depends only on the
 * target identities and the scraper ids. Without the bound, adding a scraper to N moves exactly the
 * targets whose best scraper becomes the new one, about 1/(N+1) of them.
 */
public final class ConsistentHashing implements AllocationStrategy {
  /** The load bound c: no scraper holds more than 25% above the average. */
  public static final double DEFAULT_LOAD_FACTOR = 1.25;

  private final double loadFactor;

  public ConsistentHashing(double loadFactor) {
    if (!(loadFactor >= 1.0)) {
      throw new IllegalArgumentException("loadFactor must be at least 1. Found: " + loadFactor);
    }
    this.loadFactor = loadFactor;
  }

  @Override
  public Allocation allocate(List<Target> targets, Scrapers scrapers, Allocation previous) {
    String[] ids = scrapers.ids().toArray(String[]::new);
    if (ids.length == 0) {
      return new Allocation(new TreeMap<>(), targets);
    }
    int[] owner = owners(targets, Rendezvous.hashes(scrapers.ids()), capacity(targets, ids));
    Map<String, List<Target>> byScraper = new TreeMap<>();
    for (String id : ids) {
      byScraper.put(id, new ArrayList<>());
    }
    for (int i = 0; i < targets.size(); i++) {
      byScraper.get(ids[owner[i]]).add(targets.get(i));
    }
    return new Allocation(new TreeMap<>(byScraper), List.of());
  }

  private int capacity(List<Target> targets, String[] ids) {
    return (int) Math.ceil(loadFactor * targets.size() / ids.length);
  }

  /** The scraper index of each target, placing targets in (hash, position) order. */
  private static int[] owners(List<Target> targets, long[] scraperHashes, int capacity) {
    long[] hashes = new long[targets.size()];
    Integer[] order = new Integer[targets.size()];
    for (int i = 0; i < hashes.length; i++) {
      hashes[i] = targets.get(i).hash();
      order[i] = i;
    }
    // Targets are sorted by key, so position breaks the (practically impossible) hash ties.
    Arrays.sort(
        order,
        (a, b) -> {
          int byHash = Long.compare(hashes[a], hashes[b]);
          return byHash != 0 ? byHash : Integer.compare(a, b);
        });
    int[] loads = new int[scraperHashes.length];
    int[] owner = new int[hashes.length];
    for (int index : order) {
      int best = best(hashes[index], scraperHashes, loads, capacity);
      loads[best]++;
      owner[index] = best;
    }
    return owner;
  }

  private static int best(long hash, long[] scraperHashes, int[] loads, int capacity) {
    int best = -1;
    long bestScore = 0;
    for (int s = 0; s < scraperHashes.length; s++) {
      long score = Rendezvous.score(hash, scraperHashes[s]) ^ Long.MIN_VALUE;
      if (loads[s] < capacity && (best < 0 || score > bestScore)) {
        best = s;
        bestScore = score;
      }
    }
    return best;
  }
}
