package io.scrapestream.allocator.kubernetes;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which scraper pods are members, as a pure function of what was observed and when: a pod is a
 * member while Ready, and for {@code grace} after it turned not-ready (a short hiccup must not move
 * its targets); a pod that was never Ready is not a member, and a deleted pod leaves at once.
 */
final class MembershipState {
  private final Duration grace;
  private final Set<String> ready = new HashSet<>();
  private final Map<String, Instant> notReadySince = new HashMap<>();

  MembershipState(Duration grace) {
    this.grace = grace;
  }

  /** Records the readiness of a pod observed at {@code now}. */
  void observe(String name, boolean isReady, Instant now) {
    if (isReady) {
      ready.add(name);
      notReadySince.remove(name);
    } else if (ready.remove(name)) {
      notReadySince.put(name, now);
    }
  }

  /** Records that a pod is gone (deleted, or no longer selected). */
  void remove(String name) {
    ready.remove(name);
    notReadySince.remove(name);
  }

  /** The members at {@code now}; pods whose grace has run out are forgotten. */
  SortedSet<String> members(Instant now) {
    notReadySince.values().removeIf(since -> !now.isBefore(since.plus(grace)));
    SortedSet<String> members = new TreeSet<>(ready);
    members.addAll(notReadySince.keySet());
    return members;
  }

  /** When the next grace period runs out, if one is running. */
  Optional<Instant> nextExpiry() {
    return notReadySince.values().stream().min(Instant::compareTo).map(since -> since.plus(grace));
  }
}
