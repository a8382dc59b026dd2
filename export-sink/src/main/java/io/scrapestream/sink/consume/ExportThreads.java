package io.scrapestream.sink.consume;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The threads that export one backend's partitions in parallel. */
final class ExportThreads {
  private ExportThreads() {}

  /** {@code count} daemon threads named {@code sink-<backend>-export-<n>}. */
  static ExecutorService start(String backend, int count) {
    AtomicInteger created = new AtomicInteger();
    return Executors.newFixedThreadPool(
        count,
        task -> {
          Thread thread =
              new Thread(task, "sink-" + backend + "-export-" + created.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }
}
