package io.scrapestream.sink.consume;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with full jitter between a floor and a cap, for a paused backend. */
final class Backoff {
  private final Duration initial;
  private final Duration max;
  private Duration current;

  Backoff(Duration initial, Duration max) {
    this.initial = initial;
    this.max = max;
    this.current = initial;
  }

  Duration next() {
    Duration ceiling = current;
    current = current.multipliedBy(2).compareTo(max) > 0 ? max : current.multipliedBy(2);
    long jittered =
        ThreadLocalRandom.current().nextLong(ceiling.toMillis() / 2, ceiling.toMillis() + 1);
    return Duration.ofMillis(jittered);
  }

  void reset() {
    current = initial;
  }
}
