package io.scrapestream.allocator.discovery;

import io.scrapestream.core.config.StaticConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code static_configs}: one group per entry, source {@code <index>}, as Prometheus's static
 * provider. Reported once at start.
 */
public final class StaticDiscoverer implements Discoverer {
  private final List<StaticConfig> configs;

  public StaticDiscoverer(List<StaticConfig> configs) {
    this.configs = List.copyOf(configs);
  }

  /** The groups this discoverer reports. */
  public List<TargetGroup> groups() {
    List<TargetGroup> groups = new ArrayList<>();
    for (int i = 0; i < configs.size(); i++) {
      StaticConfig config = configs.get(i);
      List<Map<String, String>> targets =
          config.targets().stream().map(t -> Map.of("__address__", t)).toList();
      groups.add(new TargetGroup(Integer.toString(i), targets, config.labels()));
    }
    return groups;
  }

  @Override
  public void start(TargetGroupListener updates) {
    updates.groupsChanged(groups());
  }

  @Override
  public void close() {}
}
