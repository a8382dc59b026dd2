package io.scrapestream.core.target;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stable identity of a target after target relabeling: a hash of job, {@code __address__},
 * {@code __metrics_path__}, {@code __scheme__} and the URL params. It is the Kafka record key of
 * every batch of the target, so all of them land in one partition whichever scraper produced them.
 *
 * <p>The hash is the first 8 bytes of SHA-256 over a length-prefixed encoding of the parts, written
 * as 16 lower-case hex digits: stable across JVMs, versions and replicas.
 */
public record TargetKey(String value) {
  public TargetKey {
    if (value == null || !value.matches("[0-9a-f]{16}")) {
      throw new IllegalArgumentException("target key must be 16 hex digits. Found: " + value);
    }
  }

  public static TargetKey of(
      String job, String address, String metricsPath, String scheme, Map<String, List<String>> params) {
    MessageDigest digest = sha256();
    update(digest, job);
    update(digest, address);
    update(digest, metricsPath);
    update(digest, scheme);
    for (Map.Entry<String, List<String>> param : new TreeMap<>(params).entrySet()) {
      update(digest, param.getKey());
      for (String value : param.getValue()) {
        update(digest, value);
      }
    }
    byte[] hash = digest.digest();
    return new TargetKey(HexFormat.of().formatHex(hash, 0, 8));
  }

  /** The key as a number, for spreading scrape start offsets over the interval. */
  public long asLong() {
    return Long.parseUnsignedLong(value, 16);
  }

  @Override
  public String toString() {
    return value;
  }

  private static void update(MessageDigest digest, String part) {
    byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
    digest.update((byte) (bytes.length >>> 24));
    digest.update((byte) (bytes.length >>> 16));
    digest.update((byte) (bytes.length >>> 8));
    digest.update((byte) bytes.length);
    digest.update(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
