package io.scrapestream.allocator.monitors;

import java.util.Objects;

/** A monitor that cannot become scrape configs, with the reason and what was found. */
public final class MonitorRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final RejectReason reason;

  public MonitorRejectedException(RejectReason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason must not be null");
  }

  public RejectReason reason() {
    return reason;
  }
}
