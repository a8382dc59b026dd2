package io.scrapestream.ingest.publish;

import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.UnknownServerException;

/**
 * Why a batch could not be published, in the three error classes of the project: {@code retryable}
 * (the producer's retries ran out on a transient error: timeouts, unavailable leaders), {@code
 * rejected} (the broker refuses this record: too large, invalid) and {@code fatal} (configuration
 * or permissions: no retry can help). {@link #label()} is the self-metric label value.
 */
public enum PublishFailure {
  RETRYABLE("retryable"),
  REJECTED("rejected"),
  FATAL("fatal");

  private final String label;

  PublishFailure(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The class of a send error. */
  public static PublishFailure classify(Exception error) {
    if (error instanceof RecordTooLargeException
        || error instanceof RecordBatchTooLargeException
        || error instanceof SerializationException) {
      return REJECTED;
    }
    if (error instanceof AuthenticationException
        || error instanceof AuthorizationException
        || error instanceof InvalidTopicException
        || error instanceof UnknownServerException) {
      return FATAL;
    }
    return error instanceof RetriableException ? RETRYABLE : FATAL;
  }
}
