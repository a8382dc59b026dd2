package io.scrapestream.allocator.discovery;

import java.util.List;
import java.util.Objects;

/** The outcome of one refresh of a discovery source: its groups, or why there are none. */
public sealed interface Refresh {

  record Succeeded(List<TargetGroup> groups) implements Refresh {
    public Succeeded {
      groups = List.copyOf(groups);
    }
  }

  /** The source could not be read; the groups it reported last stay in force. */
  record Failed(String reason) implements Refresh {
    public Failed {
      Objects.requireNonNull(reason, "reason must not be null");
    }
  }
}
