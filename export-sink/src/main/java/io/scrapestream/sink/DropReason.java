package io.scrapestream.sink;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Why an exporter left samples out on purpose (not a failure: the backend cannot hold them, or the
 * protocol's conversion rules say to drop them). The closed set of the {@code reason} label.
 */
public enum DropReason {
  /** A Prometheus stale marker, for a backend without staleness (a document store). */
  STALE_MARKER,
  /** NaN or an infinity, which JSON cannot hold. */
  NON_FINITE,
  /** A native histogram sample, for a backend that takes float samples only. */
  NATIVE_HISTOGRAM,
  /** A gauge histogram, classic or native, which OTLP has no type for. */
  GAUGE_HISTOGRAM,
  /** A native histogram with float counts, which the OTLP conversion drops. */
  FLOAT_HISTOGRAM,
  /** A native histogram schema that is neither exponential (-4 to 8) nor custom buckets (-53). */
  UNSUPPORTED_SCHEMA,
  /** A histogram or summary without {@code _count}, or a {@code _created} without its value. */
  INCOMPLETE,
  /** A histogram whose buckets do not add up (decreasing, negative or unparsable bounds). */
  INVALID_HISTOGRAM,
  /**
   * Older than the backend accepts ({@code backends[].drop_older_than}), left out before sending.
   */
  TOO_OLD,
  /** Further in the future than {@code backends[].drop_newer_than}, left out before sending. */
  TOO_NEW;

  /** An unmodifiable copy of counts by reason, in the order of this enum. */
  public static Map<DropReason, Long> ordered(Map<DropReason, Long> counts) {
    EnumMap<DropReason, Long> copy = new EnumMap<>(DropReason.class);
    copy.putAll(counts);
    return Collections.unmodifiableMap(copy);
  }

  /** The {@code reason} label value: the name in lower case, e.g. {@code stale_marker}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
