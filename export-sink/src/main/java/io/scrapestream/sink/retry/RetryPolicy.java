package io.scrapestream.sink.retry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How often and how patiently a retryable export is tried again: exponential backoff with jitter.
 * The one backoff of the sink: {@code RetryingExporter} retries under one, and the sink worker
 * pauses a partition under another ({@link #pausing()}) once those retries are spent.
 *
 * @param maxAttempts attempts in all, the first included (1 = never retry)
 * @param initialBackoff the wait before the first retry
 * @param maxBackoff the longest wait, also the cap on a receiver's {@code Retry-After}
 * @param multiplier the growth of the wait from one retry to the next, at least 1
 * @param jitter the fraction (0 to 1) by which a wait is randomly shortened, so that senders that
 *     failed together do not retry together
 */
public record RetryPolicy(
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    double multiplier,
    double jitter) {

  public RetryPolicy {
    List<String> problems = new ArrayList<>();
    if (maxAttempts < 1) {
      problems.add("maxAttempts: must be >= 1. Found: " + maxAttempts);
    }
    if (initialBackoff == null || initialBackoff.isNegative() || initialBackoff.isZero()) {
      problems.add("initialBackoff: must be positive. Found: " + initialBackoff);
    }
    if (maxBackoff == null
        || (initialBackoff != null && maxBackoff.compareTo(initialBackoff) < 0)) {
      problems.add(
          "maxBackoff: must be >= initialBackoff (" + initialBackoff + "). Found: " + maxBackoff);
    }
    if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
      problems.add("multiplier: must be a finite number >= 1. Found: " + multiplier);
    }
    if (!(jitter >= 0.0 && jitter <= 1.0)) {
      problems.add("jitter: must be between 0 and 1. Found: " + jitter);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid retry policy: " + String.join("; ", problems));
    }
  }

  /** 5 attempts, waits from 1s growing by 1.5 up to 5s, shortened by up to 20%. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(5), 1.5, 0.2);
  }

  /**
   * The sink's pause after an export gave up (its own retries spent): from 500ms doubling up to
   * 30s, shortened by up to half, never giving up ({@code maxAttempts} is unbounded).
   */
  public static RetryPolicy pausing() {
    return new RetryPolicy(
        Integer.MAX_VALUE, Duration.ofMillis(500), Duration.ofSeconds(30), 2, 0.5);
  }

  /**
   * The wait before retry number {@code retry} (1 = the second attempt): the receiver's {@code
   * retryAfter} capped at {@link #maxBackoff} when it asked for one, else {@code initialBackoff *
   * multiplier^(retry-1)} capped at {@code maxBackoff}, shortened by {@code jitter * random}.
   *
   * @param random a uniformly distributed number in [0, 1)
   */
  public Duration delayBefore(int retry, Optional<Duration> retryAfter, double random) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry: must be >= 1. Found: " + retry);
    }
    if (!(random >= 0.0 && random < 1.0)) {
      throw new IllegalArgumentException("random: must be in [0, 1). Found: " + random);
    }
    if (retryAfter.isPresent()) {
      return retryAfter.get().compareTo(maxBackoff) > 0 ? maxBackoff : retryAfter.get();
    }
    double nanos = initialBackoff.toNanos() * Math.pow(multiplier, retry - 1.0);
    double capped = Math.min(nanos, maxBackoff.toNanos());
    return Duration.ofNanos(Math.round(capped * (1.0 - jitter * random)));
  }
}
