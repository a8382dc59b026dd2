package io.scrapestream.allocator.discovery;

/** Hears about discovery refreshes, for self-metrics. */
public interface DiscoveryListener {
  DiscoveryListener NO_OP = (mechanism, failed) -> {};

  /**
   * @param mechanism {@code file}, {@code http}, {@code dns} (a closed set)
   * @param failed whether the refresh failed (its previous groups then stay in force)
   */
  void refreshed(String mechanism, boolean failed);
}
