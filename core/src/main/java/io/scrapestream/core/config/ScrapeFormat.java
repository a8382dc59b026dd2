package io.scrapestream.core.config;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a job's scrapes ask for and accept: {@code scrape_protocols} in order of preference (default
 * {@link ScrapeProtocol#DEFAULT_ORDER}, or {@code global}'s), the {@code fallback_scrape_protocol}
 * used when a target sends a missing or unknown {@code Content-Type}, and {@code
 * scrape_classic_histograms} (keep the classic series of histograms also exposed as native ones;
 * default false).
 */
public record ScrapeFormat(
    List<ScrapeProtocol> protocols,
    Optional<ScrapeProtocol> fallbackProtocol,
    boolean classicHistograms) {
  public static final ScrapeFormat DEFAULT =
      new ScrapeFormat(ScrapeProtocol.DEFAULT_ORDER, Optional.empty(), false);

  public ScrapeFormat {
    protocols = List.copyOf(protocols);
    Objects.requireNonNull(fallbackProtocol, "fallbackProtocol must not be null");
    if (protocols.isEmpty()) {
      throw new IllegalArgumentException("protocols must not be empty. Found: []");
    }
    Set<ScrapeProtocol> seen = new HashSet<>();
    for (ScrapeProtocol protocol : protocols) {
      if (!seen.add(protocol)) {
        throw new IllegalArgumentException(
            "protocols must not repeat a protocol. Found: " + protocol.configName() + " twice");
      }
    }
  }
}
