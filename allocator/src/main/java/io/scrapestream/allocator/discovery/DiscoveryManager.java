package io.scrapestream.allocator.discovery;

import io.scrapestream.core.config.ScrapeConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts every job's discoverers and keeps the latest group of each (job, discoverer, source). A
 * group with no targets removes its source. Thread-safe: discoverers report from their own threads.
 */
public final class DiscoveryManager implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DiscoveryManager.class);

  private final List<ScrapeConfig> jobs;
  private final Map<String, List<Discoverer>> discoverers = new LinkedHashMap<>();
  private final Map<String, Map<Integer, TreeMap<String, TargetGroup>>> groups = new TreeMap<>();
  private final Set<String> reported = new HashSet<>();
  private final AtomicLong version = new AtomicLong();
  private final Runnable onChange;
  private int expected;

  /**
   * @param onChange called after each update, from the reporting discoverer's thread
   */
  public DiscoveryManager(List<ScrapeConfig> jobs, DiscovererFactory factory, Runnable onChange) {
    this.jobs = List.copyOf(jobs);
    this.onChange = onChange;
    for (ScrapeConfig job : this.jobs) {
      List<Discoverer> created = factory.create(job);
      discoverers.put(job.jobName(), created);
      expected += created.size();
    }
  }

  /** Starts every discoverer; each reports its first groups (or none) on its own schedule. */
  public void start() {
    discoverers.forEach(
        (job, list) -> {
          for (int i = 0; i < list.size(); i++) {
            int index = i;
            list.get(i).start(update -> update(job, index, update));
          }
        });
  }

  void update(String job, int discoverer, List<TargetGroup> update) {
    synchronized (this) {
      TreeMap<String, TargetGroup> sources =
          groups
              .computeIfAbsent(job, j -> new TreeMap<>())
              .computeIfAbsent(discoverer, d -> new TreeMap<>());
      for (TargetGroup group : update) {
        if (group.targets().isEmpty()) {
          sources.remove(group.source());
        } else {
          sources.put(group.source(), group);
        }
      }
      if (reported.add(job + "\u0000" + discoverer)) {
        LOG.debug("job {}: discoverer {} reported for the first time", job, discoverer);
      }
      version.incrementAndGet();
    }
    onChange.run();
  }

  /** Each job's current groups, ordered by discoverer then source. */
  public synchronized Map<String, List<TargetGroup>> groupsByJob() {
    Map<String, List<TargetGroup>> snapshot = new TreeMap<>();
    groups.forEach(
        (job, byDiscoverer) -> {
          List<TargetGroup> list = new ArrayList<>();
          new TreeMap<>(byDiscoverer).values().forEach(sources -> list.addAll(sources.values()));
          snapshot.put(job, List.copyOf(list));
        });
    return snapshot;
  }

  /** True once every discoverer has reported at least once. */
  public synchronized boolean allReported() {
    return reported.size() == expected;
  }

  /** Grows with every update; equal versions mean equal groups. */
  public long version() {
    return version.get();
  }

  public List<ScrapeConfig> jobs() {
    return jobs;
  }

  @Override
  public void close() {
    discoverers.values().forEach(list -> list.forEach(Discoverer::close));
  }
}
