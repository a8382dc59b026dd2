package io.scrapestream.allocator.kubernetes;

import io.scrapestream.allocator.discovery.TargetGroup;
import io.scrapestream.allocator.discovery.TargetGroupListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Records every batch a discoverer reports. */
final class RecordingGroups implements TargetGroupListener {
  private final List<List<TargetGroup>> batches = new ArrayList<>();

  @Override
  public synchronized void groupsChanged(List<TargetGroup> groups) {
    batches.add(List.copyOf(groups));
  }

  /** Every group reported, in order. */
  synchronized List<TargetGroup> all() {
    return batches.stream().flatMap(List::stream).toList();
  }

  /** The latest group of each source, in order of first report. */
  synchronized Map<String, TargetGroup> latest() {
    Map<String, TargetGroup> latest = new LinkedHashMap<>();
    all().forEach(group -> latest.put(group.source(), group));
    return latest;
  }

  synchronized int batchCount() {
    return batches.size();
  }

  /** Forgets what was recorded so far. */
  synchronized void clear() {
    batches.clear();
  }
}
