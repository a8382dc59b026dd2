package io.scrapestream.core.target;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One target to scrape, after target relabeling: where to scrape it and the labels every series of
 * it gets.
 *
 * @param key the target key (record key of its batches)
 * @param job the job name
 * @param url the scrape URL (scheme, address, metrics path and params)
 * @param labels the target labels (job, instance and the rest; no {@code __} labels)
 * @param interval how often to scrape
 * @param timeout the whole-scrape deadline
 * @param honorLabels whether exposed labels win over target labels
 * @param honorTimestamps whether exposed timestamps are kept
 * @param trackTimestampsStaleness whether series with an exposed timestamp get stale markers
 */
public record ScrapeTarget(
    TargetKey key,
    String job,
    URI url,
    SortedMap<String, String> labels,
    Duration interval,
    Duration timeout,
    boolean honorLabels,
    boolean honorTimestamps,
    boolean trackTimestampsStaleness) {

  public ScrapeTarget {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(url, "url");
    labels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    if (interval.isZero() || interval.isNegative()) {
      throw new IllegalArgumentException("interval must be positive. Found: " + interval);
    }
    if (timeout.isZero() || timeout.isNegative() || timeout.compareTo(interval) > 0) {
      throw new IllegalArgumentException(
          "timeout must be positive and at most the interval (" + interval + "). Found: " + timeout);
    }
  }

  /** A target without staleness for exposed timestamps (Prometheus's default). */
  public ScrapeTarget(
      TargetKey key,
      String job,
      URI url,
      SortedMap<String, String> labels,
      Duration interval,
      Duration timeout,
      boolean honorLabels,
      boolean honorTimestamps) {
    this(key, job, url, labels, interval, timeout, honorLabels, honorTimestamps, false);
  }

  /** Builds the scrape URL the way Prometheus does: scheme://address/path?params. */
  public static URI url(
      String scheme, String address, String metricsPath, Map<String, List<String>> params) {
    String query =
        params.entrySet().stream()
            .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
            .collect(Collectors.joining("&"));
    return URI.create(scheme + "://" + address + metricsPath + (query.isEmpty() ? "" : "?" + query));
  }

  private static String encode(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
