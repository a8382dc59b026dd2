package io.scrapestream.core.transform;

import java.util.List;
import java.util.Objects;

/**
 * What the transforms made of a batch: the series to write, how many input series a {@code keep},
 * {@code drop} or {@code relabel} step dropped, and how many a {@code series_limit} cut. Series
 * merged by {@code aggregate} are neither.
 */
public record TransformResult(List<TransformSeries> series, int dropped, int limited) {
  public TransformResult {
    series = List.copyOf(Objects.requireNonNull(series, "series must not be null"));
    if (dropped < 0 || limited < 0) {
      throw new IllegalArgumentException(
          "dropped and limited must not be negative. Found: " + dropped + ", " + limited);
    }
  }
}
