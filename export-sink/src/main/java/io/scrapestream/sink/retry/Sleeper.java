package io.scrapestream.sink.retry;

import java.time.Duration;

/** Waits; a seam so that tests of retry logic need not sleep. */
@FunctionalInterface
public interface Sleeper {

  /** {@link Thread#sleep(long, int)}. */
  Sleeper SYSTEM =
      duration -> Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000L));

  void sleep(Duration duration) throws InterruptedException;
}
