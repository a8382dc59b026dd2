package io.scrapestream.sink.consume;

import io.scrapestream.sink.bisect.BisectResult;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Wakes the loop thread when an export ended or started waiting for a retry, so that the loop
 * collects it (or pauses its partition) at once instead of after a whole poll. Export threads raise
 * it; the loop thread clears it before looking at its lanes and waits on it only when it has
 * nothing else to do, so no raise is missed.
 */
final class ExportSignal {
  private final Semaphore raised = new Semaphore(0);

  /** Something changed for the loop thread to see. */
  void raise() {
    raised.release();
  }

  /** Forgets the raises before now: the loop thread is about to look at every lane. */
  void clear() {
    raised.drainPermits();
  }

  /**
   * Waits until raised since the last {@link #clear()}, at most {@code timeout}; returns at once
   * when it was. False when not raised in time, or interrupted (the interrupt flag is kept).
   */
  boolean await(Duration timeout) {
    try {
      return raised.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The export {@code task} as a future that raises this signal once it has ended. */
  FutureTask<BisectResult> raisingWhenDone(Callable<BisectResult> task) {
    return new FutureTask<>(task) {
      @Override
      protected void done() {
        raise();
      }
    };
  }
}
