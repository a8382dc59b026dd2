package io.scrapestream.allocator.allocation;

import io.scrapestream.allocator.target.TargetSet;
import java.time.Duration;

/** Hears about each allocation, for self-metrics. */
public interface AllocationListener {
  AllocationListener NO_OP = (targets, allocation, elapsed) -> {};

  /**
   * @param targets the target set allocated (with its duplicate, dropped and invalid counts)
   * @param allocation the result
   * @param elapsed how long building the targets and allocating took
   */
  void allocated(TargetSet targets, Allocation allocation, Duration elapsed);
}
