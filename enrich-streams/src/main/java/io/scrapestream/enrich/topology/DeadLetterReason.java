package io.scrapestream.enrich.topology;

/** Why a record went to {@code dlq.enrich}; the {@code reason} label of the metric. */
public enum DeadLetterReason {
  /** The value is not a protobuf message. */
  UNDECODABLE("undecodable"),
  /** The value is protobuf but breaks the {@code ScrapeBatch} contract. */
  INVALID("invalid"),
  /** A stage failed on the record (a bug, or state it cannot read). */
  FAILED("failed");

  private final String label;

  DeadLetterReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
