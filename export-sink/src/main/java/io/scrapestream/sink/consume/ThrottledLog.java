package io.scrapestream.sink.consume;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;

/**
 * Logs a hot-path warning at most once per interval; the next one says how many were left out. Used
 * by one thread.
 */
final class ThrottledLog {
  private final Logger log;
  private final Clock clock;
  private final Duration interval;
  private Instant next = Instant.MIN;
  private long suppressed;

  ThrottledLog(Logger log, Clock clock, Duration interval) {
    this.log = log;
    this.clock = clock;
    this.interval = interval;
  }

  /** Logs {@code format} with {@code args} at WARN, unless one was logged within the interval. */
  void warn(String format, Object... args) {
    Instant now = clock.instant();
    if (now.isBefore(next)) {
      suppressed++;
      return;
    }
    next = now.plus(interval);
    if (suppressed > 0) {
      log.warn("({} similar warnings in the last {} left out)", suppressed, interval);
      suppressed = 0;
    }
    log.warn(format, args);
  }
}
