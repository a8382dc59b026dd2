package io.scrapestream.enrich.staleness;

import io.scrapestream.enrich.batch.IndexedBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds targets that stopped reporting — no batch for two of their intervals — and gives each a
 * batch of stale markers for all its series, at the time its next scrape would have been (as
 * Prometheus does when a scrape loop ends), then forgets them. A target is never judged before two
 * intervals passed since {@code graceStartMs} (the task's start, or the last punctuation at which
 * it was still catching up), so a restart that first has to catch up makes no false markers.
 * Targets without an interval are never judged.
 */
public final class GoneTargets {
  private final TargetStates states;

  public GoneTargets(TargetStates states) {
    this.states = states;
  }

  /** A gone target: its key, its stale markers, and when it became due. */
  public record Gone(String key, IndexedBatch markers, long dueMs) {}

  /** The targets gone at {@code nowMs}, already forgotten. */
  public List<Gone> sweep(long nowMs, long graceStartMs) {
    List<Gone> gone = new ArrayList<>();
    for (Map.Entry<String, TargetHeader> entry : states.headers()) {
      TargetHeader header = entry.getValue();
      if (header.intervalMs() <= 0) {
        continue;
      }
      long dueMs = Math.max(header.lastSeenMs(), graceStartMs) + 2 * header.intervalMs();
      if (nowMs <= dueMs) {
        continue;
      }
      String key = entry.getKey();
      SeriesSet series = states.seriesSet(key);
      if (series.trackedCount() > 0) {
        long markerMs = header.lastSeenMs() + header.intervalMs();
        gone.add(new Gone(key, StaleMarkers.goneTarget(series, markerMs), dueMs));
      }
      states.forget(key);
    }
    return gone;
  }
}
