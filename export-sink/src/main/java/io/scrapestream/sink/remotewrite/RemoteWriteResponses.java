package io.scrapestream.sink.remotewrite;

import io.scrapestream.sink.ExportOutcome;
import io.scrapestream.sink.retry.RetryAfter;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.util.Optional;

/** The one place that decides what a remote write receiver's answer means. */
public final class RemoteWriteResponses {
  /** Response bodies quoted in reasons are cut to this many characters. */
  public static final int MAX_BODY_CHARS = 1024;

  private RemoteWriteResponses() {}

  /**
   * Classifies a response as the remote write specification says: 2xx means the samples were
   * written (empty: the caller knows how many); 5xx and 429 are retryable, with the wait asked by
   * {@code Retry-After} read relative to {@code clock}; every other status is rejected and must not
   * be retried.
   *
   * @param bodySnippet the start of the response body, quoted in the reason (cut to 1 KiB)
   */
  public static Optional<ExportOutcome> classify(
      int status, HttpHeaders headers, String bodySnippet, Clock clock) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status: must be 100-599. Found: " + status);
    }
    if (status / 100 == 2) {
      return Optional.empty();
    }
    String reason = reason(status, bodySnippet);
    if (status == 429 || status / 100 == 5) {
      return Optional.of(
          new ExportOutcome.Retryable(
              reason,
              RetryAfter.parse(headers.firstValue("Retry-After").orElse(null), clock),
              status));
    }
    return Optional.of(new ExportOutcome.Rejected(reason, status));
  }

  private static String reason(int status, String bodySnippet) {
    String body = bodySnippet == null ? "" : bodySnippet.strip();
    if (body.length() > MAX_BODY_CHARS) {
      body = body.substring(0, MAX_BODY_CHARS) + "...";
    }
    return "server returned HTTP status " + status + (body.isEmpty() ? "" : ": " + body);
  }
}
