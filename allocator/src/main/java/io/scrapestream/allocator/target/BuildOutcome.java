package io.scrapestream.allocator.target;

import java.util.Objects;

/** What {@link TargetBuilder} made of one discovered target. */
public sealed interface BuildOutcome {

  /** A target to allocate. */
  record Built(Target target) implements BuildOutcome {
    public Built {
      Objects.requireNonNull(target, "target must not be null");
    }
  }

  /** Relabeling dropped the target. */
  record Dropped() implements BuildOutcome {}

  /** The labels after relabeling do not make a target; {@code reason} says why. */
  record Invalid(String reason) implements BuildOutcome {
    public Invalid {
      Objects.requireNonNull(reason, "reason must not be null");
    }
  }
}
