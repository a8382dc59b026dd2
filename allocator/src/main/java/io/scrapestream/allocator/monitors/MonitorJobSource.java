package io.scrapestream.allocator.monitors;

import io.scrapestream.core.config.MonitorSettings;
import io.scrapestream.core.config.ScrapeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jobs of every selected monitor, kept up to date as monitors are added, changed and deleted;
 * each change hands the whole list (ordered by kind, namespace, name) to a consumer. A refused
 * monitor is logged, counted and contributes no job; the others are unaffected.
 */
public final class MonitorJobSource {
  private static final Logger LOG = LoggerFactory.getLogger(MonitorJobSource.class);

  private final MonitorSettings settings;
  private final MonitorScrapeConfigs configs;
  private final Function<String, Map<String, String>> namespaceLabels;
  private final MonitorListener listener;
  private final Map<String, List<ScrapeConfig>> jobsByMonitor = new TreeMap<>();
  private Consumer<List<ScrapeConfig>> consumer = jobs -> {};

  /**
   * @param namespaceLabels the labels of a namespace (for {@code
   *     namespace_selector.label_selector})
   */
  public MonitorJobSource(
      MonitorSettings settings,
      MonitorScrapeConfigs configs,
      Function<String, Map<String, String>> namespaceLabels,
      MonitorListener listener) {
    this.settings = settings;
    this.configs = configs;
    this.namespaceLabels = namespaceLabels;
    this.listener = listener;
  }

  /** Where every new job list goes; called at once with the current one. */
  public synchronized void onChange(Consumer<List<ScrapeConfig>> jobs) {
    this.consumer = jobs;
    jobs.accept(all());
  }

  /** A monitor was added or changed (or a Secret it reads). */
  public synchronized void upsert(MonitorResource monitor, SecretLookup secrets) {
    String key = key(monitor);
    List<ScrapeConfig> before = jobsByMonitor.get(key);
    List<ScrapeConfig> jobs = selected(monitor) ? jobs(monitor, secrets) : null;
    if (jobs == null) {
      jobsByMonitor.remove(key);
    } else {
      jobsByMonitor.put(key, jobs);
    }
    if (!java.util.Objects.equals(before, jobs)) {
      consumer.accept(all());
    }
  }

  /** A monitor was deleted. */
  public synchronized void delete(MonitorResource monitor) {
    if (jobsByMonitor.remove(key(monitor)) != null) {
      LOG.info("{}: deleted, its jobs removed", monitor.describe());
      consumer.accept(all());
    }
  }

  /** Every monitor's jobs, ordered by kind, namespace and name. */
  public synchronized List<ScrapeConfig> all() {
    List<ScrapeConfig> all = new ArrayList<>();
    jobsByMonitor.values().forEach(all::addAll);
    return List.copyOf(all);
  }

  private boolean selected(MonitorResource monitor) {
    return settings.kinds().contains(monitor.kind())
        && settings.monitorSelector().matches(monitor.labels())
        && settings
            .namespaceSelector()
            .matches(monitor.namespace(), namespaceLabels.apply(monitor.namespace()));
  }

  private List<ScrapeConfig> jobs(MonitorResource monitor, SecretLookup secrets) {
    try {
      List<ScrapeConfig> jobs = configs.jobs(monitor, secrets);
      LOG.info("{}: {} jobs", monitor.describe(), jobs.size());
      return jobs;
    } catch (MonitorRejectedException e) {
      LOG.warn("{}: refused ({}): {}", monitor.describe(), e.reason().label(), e.getMessage());
      listener.rejected(e.reason());
      return null;
    }
  }

  private static String key(MonitorResource monitor) {
    return monitor.kind().ordinal() + "/" + monitor.namespace() + "/" + monitor.name();
  }
}
