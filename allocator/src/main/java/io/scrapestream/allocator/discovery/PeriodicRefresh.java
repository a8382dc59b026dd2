package io.scrapestream.allocator.discovery;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a discoverer's refresh at once and then every interval on one daemon thread; {@link
 * #trigger()} asks for an extra refresh now (a watched file changed). A refresh that throws is
 * logged and the schedule goes on.
 */
public final class PeriodicRefresh implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PeriodicRefresh.class);

  private final ScheduledExecutorService executor;
  private final Runnable refresh;
  private final String name;

  public PeriodicRefresh(String name, Duration interval, Runnable refresh) {
    this.name = name;
    this.refresh = refresh;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, name);
              thread.setDaemon(true);
              return thread;
            });
    executor.scheduleWithFixedDelay(this::runSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Queues one refresh now, besides the schedule. */
  public void trigger() {
    if (!executor.isShutdown()) {
      executor.execute(this::runSafely);
    }
  }

  private void runSafely() {
    try {
      refresh.run();
    } catch (RuntimeException e) {
      LOG.error("{}: refresh failed unexpectedly; retrying at the next interval", name, e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("{}: refresh thread did not stop within 5s", name);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
