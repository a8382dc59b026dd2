package io.scrapestream.ingest.scrape;

/**
 * Why a sample was dropped while its scrape was kept, as Prometheus drops it: a second sample of a
 * series at the same timestamp ({@code prometheus_target_scrapes_sample_duplicate_timestamp_total})
 * or a timestamp more than 10 minutes ahead ({@code
 * prometheus_target_scrapes_sample_out_of_bounds_total}). {@link #label()} is the self-metric
 * label.
 */
public enum DroppedSampleReason {
  DUPLICATE_TIMESTAMP("duplicate_timestamp"),
  OUT_OF_BOUNDS("out_of_bounds");

  private final String label;

  DroppedSampleReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
