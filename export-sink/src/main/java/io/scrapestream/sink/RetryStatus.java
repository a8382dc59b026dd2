package io.scrapestream.sink;

import java.util.Locale;

/**
 * Why an export is retried, as a closed set: the {@code status} label of {@code
 * scrapestream_sink_retries_total}.
 */
public enum RetryStatus {
  /** The receiver throttles: HTTP 429. */
  TOO_MANY_REQUESTS("429"),
  /** The receiver failed: HTTP 5xx. */
  SERVER_ERROR("5xx"),
  /** No response within the request timeout. */
  TIMEOUT("timeout"),
  /** The request failed without a response (refused, reset, DNS, TLS). */
  CONNECTION("connection"),
  /** Anything else (a file that cannot be written, an unreadable response, an interrupt). */
  OTHER("other");

  private final String label;

  RetryStatus(String label) {
    this.label = label;
  }

  /**
   * The label value: {@code 429}, {@code 5xx}, {@code timeout}, {@code connection}, {@code other}.
   */
  public String label() {
    return label;
  }

  /**
   * The class of a retryable outcome: from its HTTP status when a response came back; without one,
   * from its reason, which the exporters word alike ({@code no response within 30s}, {@code POST
   * <url> failed: ConnectException: ...}).
   */
  public static RetryStatus of(ExportOutcome.Retryable outcome) {
    int status = outcome.status();
    if (status == 429) {
      return TOO_MANY_REQUESTS;
    }
    if (status / 100 == 5) {
      return SERVER_ERROR;
    }
    if (status != ExportOutcome.Retryable.NO_RESPONSE) {
      return OTHER;
    }
    String lower = outcome.reason().toLowerCase(Locale.ROOT);
    if (lower.contains("no response within") || lower.contains("timed out")) {
      return TIMEOUT;
    }
    return lower.contains(" failed: ") ? CONNECTION : OTHER;
  }
}
