package io.scrapestream.sink;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  /** How every HTTP exporter quotes a status in its reasons ("HTTP status 503", "status 429"). */
  private static final Pattern STATUS = Pattern.compile("\\bstatus (\\d{3})\\b");

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
   * The class of a retryable outcome, read from its reason: the exporters word their reasons alike
   * ({@code server returned HTTP status 503: ...}, {@code no response within 30s}, {@code POST
   * <url> failed: ConnectException: ...}), and a retryable outcome carries no status of its own.
   */
  public static RetryStatus of(ExportOutcome.Retryable outcome) {
    String reason = outcome.reason();
    Matcher status = STATUS.matcher(reason);
    if (status.find()) {
      int code = Integer.parseInt(status.group(1));
      if (code == 429) {
        return TOO_MANY_REQUESTS;
      }
      if (code / 100 == 5) {
        return SERVER_ERROR;
      }
      return OTHER;
    }
    String lower = reason.toLowerCase(Locale.ROOT);
    if (lower.contains("no response within") || lower.contains("timed out")) {
      return TIMEOUT;
    }
    return lower.contains(" failed: ") ? CONNECTION : OTHER;
  }
}
