package io.scrapestream.allocator.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Keeps the latest group of each source a discoverer reports, and every refresh outcome. */
public final class RecordingUpdates implements TargetGroupListener, DiscoveryListener {
  private final Map<String, TargetGroup> groups = new TreeMap<>();
  private final List<String> refreshes = new ArrayList<>();
  private int reports;

  @Override
  public synchronized void groupsChanged(List<TargetGroup> update) {
    reports++;
    update.forEach(
        group -> {
          if (group.targets().isEmpty()) {
            groups.remove(group.source());
          } else {
            groups.put(group.source(), group);
          }
        });
  }

  @Override
  public synchronized void refreshed(String mechanism, boolean failed) {
    refreshes.add(mechanism + (failed ? ":error" : ":success"));
  }

  public synchronized List<TargetGroup> groups() {
    return List.copyOf(groups.values());
  }

  public synchronized int reports() {
    return reports;
  }

  public synchronized List<String> refreshes() {
    return List.copyOf(refreshes);
  }
}
