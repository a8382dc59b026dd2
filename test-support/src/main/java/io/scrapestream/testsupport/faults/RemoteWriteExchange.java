package io.scrapestream.testsupport.faults;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One remote-write request as a test receiver or proxy answered it: its status and {@code
 * Retry-After}, when it arrived (monotonic and wall clock), when the answer left, and a hash of its
 * body, which tells a retry (the same body again) from another partition's request.
 */
public record RemoteWriteExchange(
    int status,
    Optional<String> retryAfter,
    long arrivedNanos,
    Instant arrived,
    long answeredNanos,
    int bodyHash) {

  public RemoteWriteExchange {
    Objects.requireNonNull(retryAfter, "retryAfter");
    Objects.requireNonNull(arrived, "arrived");
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be an HTTP status. Found: " + status);
    }
  }

  public boolean accepted() {
    return status / 100 == 2;
  }
}
