package io.scrapestream.testsupport.faults;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The peak heap of a child JVM under test, told to the parent through the child's output: the child
 * calls {@link #start()} and prints {@code HEAP <peak used MiB>} every 200 ms; the parent reads the
 * highest with {@link #peakMib(Path)}.
 */
public final class HeapLines {
  private static final String PREFIX = "HEAP ";
  private static final long MIB = 1024 * 1024;

  private HeapLines() {}

  /** Starts sampling the heap used (every 50 ms) and printing the peak so far (every 200 ms). */
  public static void start() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    AtomicLong peak = new AtomicLong();
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "heap-lines");
              thread.setDaemon(true);
              return thread;
            });
    executor.scheduleAtFixedRate(
        () -> peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
        0,
        50,
        TimeUnit.MILLISECONDS);
    executor.scheduleAtFixedRate(
        () -> {
          System.out.println(PREFIX + (peak.get() + MIB - 1) / MIB);
          System.out.flush();
        },
        200,
        200,
        TimeUnit.MILLISECONDS);
  }

  /**
   * The highest {@code HEAP} line of a child's output, in MiB.
   *
   * @throws IllegalStateException when the output holds no such line
   */
  public static long peakMib(Path output) throws IOException {
    return Files.readAllLines(output).stream()
        .filter(line -> line.startsWith(PREFIX))
        .mapToLong(line -> Long.parseLong(line.substring(PREFIX.length()).trim()))
        .max()
        .orElseThrow(() -> new IllegalStateException("no HEAP line in " + output));
  }
}
