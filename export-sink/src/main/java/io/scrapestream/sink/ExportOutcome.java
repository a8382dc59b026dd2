package io.scrapestream.sink;

import java.time.Duration;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What became of one export: the three error classes of the design, named the same in code, logs,
 * metric labels and DLQ headers.
 */
public sealed interface ExportOutcome {

  /** {@code success}, {@code retryable} or {@code rejected}. */
  String outcomeClass();

  /** The backend acknowledged every sample. */
  record Success(long samples) implements ExportOutcome {
    public Success {
      if (samples < 0) {
        throw new IllegalArgumentException("samples: must be >= 0. Found: " + samples);
      }
    }

    @Override
    public String outcomeClass() {
      return "success";
    }
  }

  /**
   * A transient failure (timeout, connection refused, 5xx, 429): the same export may succeed.
   *
   * @param status the HTTP status that answered the request, or {@link #NO_RESPONSE} when there was
   *     none (a timeout, a refused connection, an interrupt, a file that cannot be written)
   */
  record Retryable(String reason, Optional<Duration> retryAfter, int status)
      implements ExportOutcome {
    /** The status of a failure without an HTTP response. */
    public static final int NO_RESPONSE = 0;

    public Retryable {
      requireReason(reason);
      Objects.requireNonNull(retryAfter, "retryAfter");
      if (retryAfter.filter(Duration::isNegative).isPresent()) {
        throw new IllegalArgumentException(
            "retryAfter: must not be negative. Found: " + retryAfter.get());
      }
      if (status != NO_RESPONSE && (status < 100 || status > 599)) {
        throw new IllegalArgumentException(
            "status: must be an HTTP status (100-599) or 0 (no response). Found: " + status);
      }
    }

    /** A failure without an HTTP response. */
    public Retryable(String reason, Optional<Duration> retryAfter) {
      this(reason, retryAfter, NO_RESPONSE);
    }

    @Override
    public String outcomeClass() {
      return "retryable";
    }
  }

  /**
   * A permanent failure (a 4xx other than 429, an invalid batch): retrying the same export cannot
   * succeed.
   *
   * @param status the HTTP status, or {@link #NOT_SENT} when the exporter refused the batches
   *     itself
   */
  record Rejected(String reason, int status) implements ExportOutcome {
    /** The status of a rejection decided before any request was sent. */
    public static final int NOT_SENT = 0;

    public Rejected {
      requireReason(reason);
      if (status != NOT_SENT && (status < 100 || status > 599)) {
        throw new IllegalArgumentException(
            "status: must be an HTTP status (100-599) or 0 (not sent). Found: " + status);
      }
    }

    @Override
    public String outcomeClass() {
      return "rejected";
    }
  }

  /**
   * Some batches were refused for good while the backend stored the rest (a {@code _bulk} request
   * whose items failed one by one): the caller dead-letters exactly the batches named and moves on.
   *
   * @param samples the samples the backend acknowledged
   * @param rejectedBatches by index in the exported list, why each rejected batch was refused
   */
  record PartiallyRejected(long samples, SortedMap<Integer, String> rejectedBatches)
      implements ExportOutcome {
    public PartiallyRejected {
      if (samples < 0) {
        throw new IllegalArgumentException("samples: must be >= 0. Found: " + samples);
      }
      if (rejectedBatches == null || rejectedBatches.isEmpty()) {
        throw new IllegalArgumentException(
            "rejectedBatches: must name at least one batch. Found: " + rejectedBatches);
      }
      rejectedBatches.forEach(
          (index, reason) -> {
            if (index == null || index < 0) {
              throw new IllegalArgumentException(
                  "rejectedBatches: an index must be >= 0. Found: " + index);
            }
            requireReason(reason);
          });
      rejectedBatches = Collections.unmodifiableSortedMap(new TreeMap<>(rejectedBatches));
    }

    @Override
    public String outcomeClass() {
      return "rejected";
    }
  }

  private static void requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("reason: must not be blank. Found: " + reason);
    }
  }
}
