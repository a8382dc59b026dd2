package io.scrapestream.enrich.staleness;

import java.nio.ByteBuffer;

/**
 * The small per-target entry of the staleness store, rewritten for every batch (49 bytes): when the
 * last whole scrape was, when the target was last heard of (chunks included), its interval, and the
 * fingerprint of its series set (the set itself is only rewritten when this changes).
 */
public record TargetHeader(
    long lastScrapeMs, long lastSeenMs, long intervalMs, Fingerprint fingerprint) {
  private static final byte VERSION = 1;
  private static final int SIZE = 1 + 6 * Long.BYTES;

  byte[] encode() {
    return ByteBuffer.allocate(SIZE)
        .put(VERSION)
        .putLong(lastScrapeMs)
        .putLong(lastSeenMs)
        .putLong(intervalMs)
        .putLong(fingerprint.count())
        .putLong(fingerprint.sum())
        .putLong(fingerprint.xor())
        .array();
  }

  static TargetHeader decode(byte[] bytes) {
    if (bytes.length != SIZE || bytes[0] != VERSION) {
      throw new StateFormatException(
          "target header must be "
              + SIZE
              + " bytes of version "
              + VERSION
              + ". Found: "
              + bytes.length
              + " bytes"
              + (bytes.length > 0 ? " of version " + bytes[0] : ""));
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, SIZE - 1);
    long lastScrape = buffer.getLong();
    long lastSeen = buffer.getLong();
    long interval = buffer.getLong();
    return new TargetHeader(
        lastScrape,
        lastSeen,
        interval,
        new Fingerprint(buffer.getLong(), buffer.getLong(), buffer.getLong()));
  }

  TargetHeader seenAt(long timestampMs, long newIntervalMs) {
    return new TargetHeader(
        lastScrapeMs, Math.max(lastSeenMs, timestampMs), newIntervalMs, fingerprint);
  }
}
