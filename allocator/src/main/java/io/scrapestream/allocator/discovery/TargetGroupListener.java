package io.scrapestream.allocator.discovery;

import java.util.List;

/** Receives the groups a {@link Discoverer} reports; each replaces the group with its source. */
@FunctionalInterface
public interface TargetGroupListener {

  void groupsChanged(List<TargetGroup> groups);
}
