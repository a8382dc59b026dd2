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

  private final List<ScrapeConfig> configured;
  private final DiscovererFactory factory;
  private List<ScrapeConfig> jobs;
  private final Map<String, List<Discoverer>> discoverers = new LinkedHashMap<>();
  private final Map<String, Map<Integer, TreeMap<String, TargetGroup>>> groups = new TreeMap<>();
  private final Set<String> reported = new HashSet<>();
  private final AtomicLong version = new AtomicLong();
  private final Runnable onChange;
  private int expected;
  private boolean started;

  /**
   * @param onChange called after each update, from the reporting discoverer's thread
   */
  public DiscoveryManager(List<ScrapeConfig> jobs, DiscovererFactory factory, Runnable onChange) {
    this.configured = List.copyOf(jobs);
    this.jobs = this.configured;
    this.factory = factory;
    this.onChange = onChange;
    for (ScrapeConfig job : this.jobs) {
      List<Discoverer> created = factory.create(job);
      discoverers.put(job.jobName(), created);
      expected += created.size();
    }
  }

  /** Starts every discoverer; each reports its first groups (or none) on its own schedule. */
  public synchronized void start() {
    started = true;
    discoverers.forEach(this::start);
  }

  private void start(String job, List<Discoverer> list) {
    for (int i = 0; i < list.size(); i++) {
      int index = i;
      list.get(i).start(update -> update(job, list, index, update));
    }
  }

  /**
   * Replaces the jobs added at run time (Prometheus-Operator monitors) by {@code added}: the
   * discoverers of jobs gone or changed are closed and their targets dropped, those of new or
   * changed jobs started. A job named like a configured one is ignored.
   */
  public void replaceAddedJobs(List<ScrapeConfig> added) {
    synchronized (this) {
      Map<String, ScrapeConfig> wanted = new LinkedHashMap<>();
      configured.forEach(job -> wanted.put(job.jobName(), job));
      added.forEach(job -> wanted.putIfAbsent(job.jobName(), job));
      for (ScrapeConfig old : jobs) {
        if (!old.equals(wanted.get(old.jobName()))) {
          remove(old.jobName());
        }
      }
      for (ScrapeConfig job : wanted.values()) {
        if (!discoverers.containsKey(job.jobName())) {
          List<Discoverer> created = factory.create(job);
          discoverers.put(job.jobName(), created);
          expected += created.size();
          if (started) {
            start(job.jobName(), created);
          }
        }
      }
      jobs = List.copyOf(wanted.values());
      version.incrementAndGet();
    }
    onChange.run();
  }

  private void remove(String job) {
    List<Discoverer> old = discoverers.remove(job);
    old.forEach(Discoverer::close);
    expected -= old.size();
    groups.remove(job);
    for (int i = 0; i < old.size(); i++) {
      reported.remove(job + "\u0000" + i);
    }
  }

  /** An update from {@code list}'s discoverer; dropped when that job was removed or replaced. */
  private void update(String job, List<Discoverer> list, int discoverer, List<TargetGroup> update) {
    synchronized (this) {
      if (discoverers.get(job) != list) {
        return;
      }
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

  /** The configured jobs, then those added at run time. */
  public synchronized List<ScrapeConfig> jobs() {
    return jobs;
  }

  @Override
  public synchronized void close() {
    discoverers.values().forEach(list -> list.forEach(Discoverer::close));
  }
}
