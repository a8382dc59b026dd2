package io.scrapestream.core.transform;

import java.util.Objects;

/**
 * {@code series_limit}: a batch keeps at most {@code limit} series of its scope (the first ones, in
 * batch order); the rest are dropped and counted as {@code limited}.
 */
public record SeriesLimit(MetricScope scope, int limit) implements TransformStep {
  public SeriesLimit {
    Objects.requireNonNull(scope, "scope must not be null");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1. Found: " + limit);
    }
  }
}
