package io.scrapestream.sink.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * CPU time of the threads a sink started: every thread alive now that was not alive when the meter
 * was made (the worker, its consumer heartbeat, the dead-letter producer, the HTTP client's
 * selector and executor). Read it before the sink stops, while those threads live. JIT compiler
 * and GC threads of the JVM are not counted; {@link #processCpuNanos()} gives the whole process.
 */
final class SinkCpuMeter {
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Set<Long> before;
  private final long processBefore;

  SinkCpuMeter() {
    before = Arrays.stream(threads.getAllThreadIds()).boxed().collect(Collectors.toSet());
    processBefore = processCpuNanos();
  }

  /** CPU nanoseconds of the threads started since this meter was made. */
  long newThreadsCpuNanos() {
    long total = 0;
    for (long id : threads.getAllThreadIds()) {
      if (!before.contains(id)) {
        long cpu = threads.getThreadCpuTime(id);
        total += Math.max(cpu, 0);
      }
    }
    return total;
  }

  /** The {@code n} new threads that used the most CPU: {@code name=seconds}, names without ids. */
  String busiestThreads(int n) {
    Map<String, Long> byName = new TreeMap<>();
    for (long id : threads.getAllThreadIds()) {
      ThreadInfo info = threads.getThreadInfo(id);
      if (!before.contains(id) && info != null) {
        String name = info.getThreadName().replaceAll("-\\d+$", "-N");
        byName.merge(name, Math.max(threads.getThreadCpuTime(id), 0), Long::sum);
      }
    }
    return byName.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(n)
        .map(e -> String.format(Locale.ROOT, "%s=%.3f", e.getKey().replace(' ', '_'), e.getValue() / 1e9))
        .collect(Collectors.joining(" "));
  }

  /** CPU nanoseconds of the whole process (broker included) since this meter was made. */
  long processDeltaNanos() {
    return processCpuNanos() - processBefore;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
