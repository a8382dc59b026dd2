package io.scrapestream.allocator.discovery;

import io.scrapestream.core.config.ScrapeConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates the discoverers of one job, one per configured entry. Factories compose: the Kubernetes
 * discoverers are added with {@link #and}.
 */
@FunctionalInterface
public interface DiscovererFactory {

  List<Discoverer> create(ScrapeConfig job);

  /** This factory's discoverers followed by {@code other}'s. */
  default DiscovererFactory and(DiscovererFactory other) {
    return job -> {
      List<Discoverer> all = new ArrayList<>(create(job));
      all.addAll(other.create(job));
      return all;
    };
  }
}
