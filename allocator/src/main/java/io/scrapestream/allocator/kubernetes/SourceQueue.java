package io.scrapestream.allocator.kubernetes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Keys waiting to be (re)built, like client-go's work queue: a key added several times before it is
 * processed is processed once, with the state current at that time. Batches run one at a time on a
 * shared executor, and not before {@link #enable()} (when every cache the user reads has synced).
 */
final class SourceQueue {
  private final Executor executor;
  private final Consumer<List<String>> processor;
  private final Set<String> pending = new LinkedHashSet<>();
  private boolean enabled;
  private boolean running;
  private boolean closed;

  SourceQueue(Executor executor, Consumer<List<String>> processor) {
    this.executor = executor;
    this.processor = processor;
  }

  synchronized void add(Collection<String> keys) {
    if (!closed) {
      pending.addAll(keys);
      schedule();
    }
  }

  synchronized void enable() {
    enabled = true;
    schedule();
  }

  synchronized void close() {
    closed = true;
    pending.clear();
  }

  private void schedule() {
    if (enabled && !running && !closed && !pending.isEmpty()) {
      running = true;
      try {
        executor.execute(this::drain);
      } catch (RejectedExecutionException e) {
        running = false;
        closed = true;
      }
    }
  }

  private void drain() {
    List<String> batch;
    synchronized (this) {
      batch = new ArrayList<>(pending);
      pending.clear();
    }
    try {
      processor.accept(batch);
    } finally {
      synchronized (this) {
        running = false;
        schedule();
      }
    }
  }
}
