package io.scrapestream.allocator.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** A scheduler that only records delayed tasks; the test runs them when it wants. */
final class ManualScheduler extends ScheduledThreadPoolExecutor {
  private final List<Runnable> tasks = new ArrayList<>();
  private final List<Long> delaysMillis = new ArrayList<>();

  ManualScheduler() {
    super(1);
  }

  @Override
  public synchronized ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
    tasks.add(task);
    delaysMillis.add(unit.toMillis(delay));
    return super.schedule(() -> {}, 0, TimeUnit.MILLISECONDS);
  }

  /** The delays of every task scheduled so far, in milliseconds. */
  synchronized List<Long> delaysMillis() {
    return List.copyOf(delaysMillis);
  }

  /** Runs every recorded task once and forgets them. */
  void runAll() {
    List<Runnable> due;
    synchronized (this) {
      due = new ArrayList<>(tasks);
      tasks.clear();
    }
    due.forEach(Runnable::run);
  }
}
