package io.scrapestream.allocator.monitors;

/** Why a monitor was refused; the {@code reason} label of the rejected-monitors counter. */
public enum RejectReason {
  /** The monitor names a file ({@code bearerTokenFile}, {@code tlsConfig.caFile}, ...). */
  FILE_REFERENCE("file_reference"),
  /** A Secret or key it references does not exist. */
  MISSING_SECRET("missing_secret"),
  /** A field has a value that cannot become a scrape config. */
  INVALID("invalid");

  private final String label;

  RejectReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
