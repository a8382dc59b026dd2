package io.scrapestream.enrich.topology;

/** What became of a backend's samples in its transform branch; the {@code outcome} label. */
public enum TransformOutcome {
  /** Written to {@code out.<backend>} (aggregates count once). */
  TRANSFORMED("transformed"),
  /** Dropped by a {@code keep}, {@code drop} or {@code relabel} step. */
  DROPPED("dropped"),
  /** Cut by the backend's {@code series_limit}. */
  LIMITED("limited");

  private final String label;

  TransformOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
