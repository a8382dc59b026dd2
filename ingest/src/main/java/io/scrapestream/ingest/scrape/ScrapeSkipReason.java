package io.scrapestream.ingest.scrape;

/** Why a due scrape was not done; {@link #label()} is its self-metric label value. */
public enum ScrapeSkipReason {
  /**
   * Kafka did not acknowledge enough earlier batches: the bound of batches in flight is reached.
   */
  BACKPRESSURE("backpressure");

  private final String label;

  ScrapeSkipReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
