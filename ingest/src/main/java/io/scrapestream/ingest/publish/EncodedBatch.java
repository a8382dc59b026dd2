package io.scrapestream.ingest.publish;

import com.google.protobuf.InvalidProtocolBufferException;
import io.scrapestream.schemas.v1.ScrapeBatch;
import java.util.Objects;

/**
 * A {@code ScrapeBatch} already in wire format, as the scraper encodes it (no message objects),
 * with what publishing needs beside the bytes: the record key and, for log lines, the scrape URL.
 *
 * @param key the target key (the record key)
 * @param scrapeUrl the target's scrape URL
 * @param bytes the encoded {@code ScrapeBatch}; not copied, so not to be changed afterwards
 */
public record EncodedBatch(String key, String scrapeUrl, byte[] bytes) {
  public EncodedBatch {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(scrapeUrl, "scrapeUrl");
    Objects.requireNonNull(bytes, "bytes");
  }

  /** The encoding of a batch message. */
  public static EncodedBatch of(ScrapeBatch batch) {
    return new EncodedBatch(
        batch.getTarget().getKey(), batch.getTarget().getScrapeUrl(), batch.toByteArray());
  }

  /** The batch message these bytes encode. */
  public ScrapeBatch decode() {
    try {
      return ScrapeBatch.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(
          "encoded batch of target " + key + " does not parse: " + e.getMessage(), e);
    }
  }
}
