package io.scrapestream.allocator.target;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What makes two targets one after target relabeling: scheme, {@code __address__}, metrics path
 * and URL params — not the job, not other labels. {@link #key()} is the scrape URL with params
 * sorted by name; {@link #hash()} the first 8 bytes of its SHA-256, which allocation hashes, so a
 * label that changes never moves a target.
 */
public record TargetIdentity(
    String scheme, String address, String metricsPath, SortedMap<String, List<String>> params) {
  private static final String PARAM_PREFIX = "__param_";

  public TargetIdentity {
    requireNotEmpty("scheme", scheme);
    requireNotEmpty("address", address);
    requireNotEmpty("metricsPath", metricsPath);
    SortedMap<String, List<String>> copy = new TreeMap<>();
    params.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    params = Collections.unmodifiableSortedMap(copy);
  }

  /**
   * The identity of final target labels, as Prometheus builds the scrape URL: the job's params with
   * the first value of each replaced by its {@code __param_<name>} label, plus params only labels
   * name.
   */
  public static TargetIdentity of(Labels labels, Map<String, List<String>> jobParams) {
    SortedMap<String, List<String>> params = new TreeMap<>(jobParams);
    labels.forEach(
        (name, value) -> {
          if (name.startsWith(PARAM_PREFIX)) {
            String param = name.substring(PARAM_PREFIX.length());
            List<String> values = new ArrayList<>(params.getOrDefault(param, List.of()));
            if (values.isEmpty()) {
              values.add(value);
            } else {
              values.set(0, value);
            }
            params.put(param, values);
          }
        });
    return new TargetIdentity(
        labels.get("__scheme__"), labels.get("__address__"), labels.get("__metrics_path__"), params);
  }

  /** {@code scheme://address/path?a=1&b=2}, params sorted by name, values in order. */
  public String key() {
    StringBuilder url = new StringBuilder(scheme).append("://").append(address).append(metricsPath);
    char separator = '?';
    for (Map.Entry<String, List<String>> param : params.entrySet()) {
      for (String value : param.getValue()) {
        url.append(separator).append(encode(param.getKey())).append('=').append(encode(value));
        separator = '&';
      }
    }
    return url.toString();
  }

  /** A stable 64-bit hash of {@link #key()}: the same in every JVM and replica. */
  public long hash() {
    return hash(key());
  }

  static long hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest, 0, 8).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static void requireNotEmpty(String component, String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(component + " must not be empty. Found: " + value);
    }
  }
}
