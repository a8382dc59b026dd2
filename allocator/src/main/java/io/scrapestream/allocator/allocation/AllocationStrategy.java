package io.scrapestream.allocator.allocation;

import io.scrapestream.allocator.target.Target;
import io.scrapestream.core.config.AllocationStrategyName;
import java.util.List;

/**
 * Assigns targets to ready scrapers. A pure function of its arguments: replicas given the same
 * inputs answer the same, so no leader is needed.
 */
@FunctionalInterface
public interface AllocationStrategy {

  /**
   * @param targets unique targets sorted by key
   * @param scrapers the ready scrapers
   * @param previous the last allocation (only least-weighted reads it, to keep assignments)
   */
  Allocation allocate(List<Target> targets, Scrapers scrapers, Allocation previous);

  static AllocationStrategy of(AllocationStrategyName name) {
    return switch (name) {
      case CONSISTENT_HASHING -> new ConsistentHashing(ConsistentHashing.DEFAULT_LOAD_FACTOR);
      case LEAST_WEIGHTED -> new LeastWeighted();
      case PER_NODE -> new PerNode();
    };
  }
}
