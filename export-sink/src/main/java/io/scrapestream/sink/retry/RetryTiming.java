package io.scrapestream.sink.retry;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The time and chance a {@link RetryingExporter} depends on.
 *
 * @param clock measures how long an export took
 * @param sleeper waits between attempts
 * @param random numbers in [0, 1) for the jitter
 */
public record RetryTiming(Clock clock, Sleeper sleeper, DoubleSupplier random) {
  public RetryTiming {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(random, "random");
  }

  /** The system clock, real sleeps and a thread-local random source. */
  public static RetryTiming system() {
    return new RetryTiming(
        Clock.systemUTC(), Sleeper.SYSTEM, () -> ThreadLocalRandom.current().nextDouble());
  }
}
