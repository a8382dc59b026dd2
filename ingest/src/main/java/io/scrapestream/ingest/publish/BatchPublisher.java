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
   * Whether a batch published now would be taken: false while the bound of unacknowledged batches
   * is reached, so that the scraper can skip a scrape instead of doing it for nothing.
   */
  default boolean hasRoom() {
    return true;
  }

  @Override
  void close();
}
