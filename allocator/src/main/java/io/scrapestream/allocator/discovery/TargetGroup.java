package io.scrapestream.allocator.discovery;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one discovery source currently reports, as Prometheus's {@code targetgroup.Group}: a list of
 * targets (each a label set holding at least {@code __address__}, plus {@code __meta_*} labels) and
 * labels common to all of them. A group with no targets means the source has none now: it replaces
 * the previous group with the same {@code source}, which is how removals are expressed.
 *
 * @param source identifies the group within its discoverer (e.g. a file name, {@code
 *     pod/<namespace>/<name>}); unique per discoverer
 */
public record TargetGroup(
    String source, List<Map<String, String>> targets, Map<String, String> labels) {

  public TargetGroup {
    Objects.requireNonNull(source, "source must not be null");
    targets = targets.stream().map(Map::copyOf).toList();
    labels = Map.copyOf(labels);
  }

  /** The group that says {@code source} has no targets any more. */
  public static TargetGroup empty(String source) {
    return new TargetGroup(source, List.of(), Map.of());
  }
}
