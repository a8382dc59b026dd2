package io.scrapestream.ingest.assign;

/** Told about every poll of the allocator (self-metrics, tests). Must be thread-safe. */
public interface AssignmentListener {
  AssignmentListener NO_OP = new AssignmentListener() {};

  /** A poll reached the allocator and its assignment is applied: {@code targets} in total. */
  default void polled(int targets) {}

  /**
   * A poll, or the part of it for one job or target, failed for {@code reason}; what was assigned
   * before is kept.
   */
  default void failed(PollFailure reason) {}
}
