package io.scrapestream.ingest.publish;

import io.scrapestream.schemas.v1.ScrapeBatch;

/** Where finished scrapes go. */
public interface BatchPublisher extends AutoCloseable {
  /**
   * Hands the batch on; returns at once (sending is asynchronous). Never throws for send errors.
   * Returns false, and drops the batch, when the publisher is at its bound of unacknowledged
   * batches (back-pressure).
   */
  boolean publish(ScrapeBatch batch);

  /**
   * As {@link #publish(ScrapeBatch)}, for a batch already encoded. The default decodes it; a
   * publisher that sends bytes overrides it and sends them as they are.
   */
  default boolean publish(EncodedBatch batch) {
    return publish(batch.decode());
  }

  /**
   * Whether a batch published now would be taken: false while the bound of unacknowledged batches
   * is reached, so that the scraper can skip a scrape instead of doing it for nothing.
   */
  default boolean hasRoom() {
    return true;
  }

  @Override
  void close();
}
