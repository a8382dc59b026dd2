package io.scrapestream.ingest.assign;

/**
 * Why a poll of the allocator, or a part of it, failed; the {@code reason} label of {@code
 * scrapestream_ingest_allocator_poll_errors_total}.
 */
public enum PollFailure {
  /** The allocator could not be reached or did not answer within the timeout. */
  UNREACHABLE("unreachable"),
  /** The allocator answered with a status other than 200. */
  STATUS("status"),
  /** The body is not the JSON the OTel Target Allocator protocol specifies. */
  INVALID_RESPONSE("invalid_response"),
  /** A job's scrape config was refused by the configuration reader. */
  INVALID_CONFIG("invalid_config"),
  /** A job's scrape config holds {@code <secret>}: the allocator redacted a credential. */
  REDACTED_SECRET("redacted_secret"),
  /** A target's final labels do not make a target (no address, bad interval, bad scheme). */
  INVALID_TARGET("invalid_target");

  private final String label;

  PollFailure(String label) {
    this.label = label;
  }

  /** The metric label value. */
  public String label() {
    return label;
  }
}
