package io.scrapestream.ingest.publish;

import io.scrapestream.schemas.v1.ScrapeBatch;

/** Where finished scrapes go. */
public interface BatchPublisher extends AutoCloseable {
  /**
   * Hands the batch on; returns at once (sending is asynchronous). Never throws for send errors.
   */
  void publish(ScrapeBatch batch);

  @Override
  void close();
}
