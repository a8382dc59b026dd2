package io.scrapestream.sink.otlp;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsPartialSuccess;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.scrapestream.sink.ExportOutcome;
import io.scrapestream.sink.retry.RetryAfter;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The one place that decides what an OTLP/HTTP receiver's answer means. */
public final class OtlpResponses {
  /** Response bodies quoted in reasons are cut to this many characters. */
  public static final int MAX_BODY_CHARS = 1024;

  /** The statuses the OTLP/HTTP specification says to retry. */
  private static final List<Integer> RETRYABLE = List.of(429, 502, 503, 504);

  /** The field of {@code google.rpc.Status} that holds the developer-facing message. */
  private static final int STATUS_MESSAGE_FIELD = 2;

  private OtlpResponses() {}

  /**
   * Classifies a response as the OTLP/HTTP specification says: 2xx means the request was accepted
   * (empty: the body may still report a partial success); 429, 502, 503 and 504 are retryable,
   * after the wait asked by {@code Retry-After} read relative to {@code clock}; every other status
   * is rejected and must not be retried.
   *
   * @param message the receiver's error message, quoted in the reason (cut to 1 KiB)
   */
  public static Optional<ExportOutcome> classify(
      int status, HttpHeaders headers, String message, Clock clock) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status: must be 100-599. Found: " + status);
    }
    if (status / 100 == 2) {
      return Optional.empty();
    }
    String reason = reason(status, message);
    if (RETRYABLE.contains(status)) {
      return Optional.of(
          new ExportOutcome.Retryable(
              reason,
              RetryAfter.parse(headers.firstValue("Retry-After").orElse(null), clock),
              status));
    }
    return Optional.of(new ExportOutcome.Rejected(reason, status));
  }

  /**
   * The message of an error body: a protobuf {@code google.rpc.Status}'s {@code message} when the
   * body is protobuf and has one, else the body as text.
   */
  public static String errorMessage(byte[] body, Optional<String> contentType) {
    if (contentType.filter(type -> type.startsWith(OtlpProtocol.CONTENT_TYPE)).isPresent()) {
      try {
        List<ByteString> messages =
            UnknownFieldSet.parseFrom(body).getField(STATUS_MESSAGE_FIELD).getLengthDelimitedList();
        if (!messages.isEmpty()) {
          return messages.get(0).toStringUtf8();
        }
      } catch (InvalidProtocolBufferException e) {
        // Not a Status after all: quote the bytes as text.
      }
    }
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The partial success of an accepted request; the default (nothing rejected) when none. */
  public static ExportMetricsPartialSuccess partialSuccess(byte[] body) {
    try {
      return ExportMetricsServiceResponse.parseFrom(body).getPartialSuccess();
    } catch (InvalidProtocolBufferException e) {
      return ExportMetricsPartialSuccess.getDefaultInstance();
    }
  }

  private static String reason(int status, String message) {
    String body = message == null ? "" : message.strip();
    if (body.length() > MAX_BODY_CHARS) {
      body = body.substring(0, MAX_BODY_CHARS) + "...";
    }
    return "server returned HTTP status " + status + (body.isEmpty() ? "" : ": " + body);
  }
}
