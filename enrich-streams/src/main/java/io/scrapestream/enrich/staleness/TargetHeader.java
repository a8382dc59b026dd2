package io.scrapestream.enrich.staleness;

import java.nio.ByteBuffer;

/**
 * The small per-target entry of the staleness store, rewritten for every batch (57 bytes): when the
 * last whole scrape was, when the target was last heard of (chunks included), its interval, the
 * fingerprint of its series set (the set itself is only rewritten when this changes), and the
 * {@link ScrapeLayout} digest of the scrape that set came from ({@link ScrapeLayout#UNKNOWN} when
 * there is none: a chunked scrape, or a header of version 1, which is still read).
 */
public record TargetHeader(
    long lastScrapeMs, long lastSeenMs, long intervalMs, Fingerprint fingerprint, long layout) {
  private static final byte VERSION = 2;
  private static final byte VERSION_1 = 1;
  private static final int SIZE = 1 + 7 * Long.BYTES;
  private static final int SIZE_1 = 1 + 6 * Long.BYTES;

  byte[] encode() {
    return ByteBuffer.allocate(SIZE)
        .put(VERSION)
        .putLong(lastScrapeMs)
        .putLong(lastSeenMs)
        .putLong(intervalMs)
        .putLong(fingerprint.count())
        .putLong(fingerprint.sum())
        .putLong(fingerprint.xor())
        .putLong(layout)
        .array();
  }

  static TargetHeader decode(byte[] bytes) {
    boolean current = bytes.length == SIZE && bytes[0] == VERSION;
    if (!current && !(bytes.length == SIZE_1 && bytes[0] == VERSION_1)) {
      throw new StateFormatException(
          "target header must be "
              + SIZE
              + " bytes of version "
              + VERSION
              + " (or "
              + SIZE_1
              + " of version "
              + VERSION_1
              + "). Found: "
              + bytes.length
              + " bytes"
              + (bytes.length > 0 ? " of version " + bytes[0] : ""));
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
    long lastScrape = buffer.getLong();
    long lastSeen = buffer.getLong();
    long interval = buffer.getLong();
    Fingerprint fingerprint = new Fingerprint(buffer.getLong(), buffer.getLong(), buffer.getLong());
    long layout = current ? buffer.getLong() : ScrapeLayout.UNKNOWN;
    return new TargetHeader(lastScrape, lastSeen, interval, fingerprint, layout);
  }

  TargetHeader seenAt(long timestampMs, long newIntervalMs) {
    return new TargetHeader(
        lastScrapeMs, Math.max(lastSeenMs, timestampMs), newIntervalMs, fingerprint, layout);
  }
}
