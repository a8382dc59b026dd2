package io.scrapestream.allocator.membership;

import java.util.Map;
import java.util.SortedSet;

/**
 * The scrapers that are ready to take targets: a static list outside Kubernetes, ready scraper pods
 * inside. A scraper that leaves must disappear from {@link #ready()} so that its targets move at
 * the next allocation.
 */
public interface ScraperMembership extends AutoCloseable {

  /** The ids (collector ids) of the ready scrapers now. */
  SortedSet<String> ready();

  /** The node each ready scraper runs on, where known; per-node allocation reads it. */
  default Map<String, String> nodes() {
    return Map.of();
  }

  /** Registers {@code listener}, called whenever {@link #ready()} or {@link #nodes()} changes. */
  void onChange(Runnable listener);

  @Override
  default void close() {}
}
