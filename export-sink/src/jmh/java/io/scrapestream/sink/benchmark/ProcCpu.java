package io.scrapestream.sink.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time of another process and of each of its threads, from {@code /proc/PID/stat} and {@code
 * /proc/PID/task/TID/stat} ({@code utime + stime}, in clock ticks of 10 ms). Thread names are the
 * kernel's ({@code comm}, the first 15 characters of the Java thread name), numbers stripped so
 * that {@code GC Thread#0} and {@code GC Thread#1} add up.
 */
record ProcCpu(long processTicks, Map<Long, ThreadTicks> threads) {
  /** Clock ticks per second ({@code getconf CLK_TCK}; 100 on Linux). */
  static final double TICKS_PER_SECOND = 100.0;

  ProcCpu {
    threads = Map.copyOf(threads);
  }

  /** One thread: its kernel name without digits and its CPU ticks so far. */
  record ThreadTicks(String name, long ticks) {}

  /** The CPU so far of process {@code pid} and of each of its live threads. */
  static ProcCpu read(long pid) throws IOException {
    long process = ticks(Files.readString(Path.of("/proc/" + pid + "/stat")));
    Map<Long, ThreadTicks> threads = new HashMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
      for (Path task : tasks.toList()) {
        try {
          String name = name(Files.readString(task.resolve("comm")));
          long ticks = ticks(Files.readString(task.resolve("stat")));
          threads.put(Long.parseLong(task.getFileName().toString()), new ThreadTicks(name, ticks));
        } catch (IOException ended) {
          // the thread ended between the listing and the read: its CPU is in the process total
        }
      }
    }
    return new ProcCpu(process, threads);
  }

  /**
   * A thread's kernel name without numbers, the sink's threads by role: the worker {@code
   * sink-<backend>} (backend {@code b<pid>r1}) is {@code sink-poll}, its export threads
   * {@code sink-<backend>-export-<n>} (cut to 15 characters) are {@code sink-export}, the JIT
   * compiler threads {@code C1_compiler} and {@code C2_compiler}.
   */
  static String name(String comm) {
    String name = comm.strip();
    if (name.matches("C[12] .*")) {
      return name.substring(0, 2) + "_compiler";
    }
    String plain = name.replaceAll("[#-]?\\d+", "");
    if (plain.equals("sink-br")) {
      return "sink-poll";
    }
    return plain.startsWith("sink-br-") ? "sink-export" : plain;
  }

  /** utime + stime of a stat line: fields 14 and 15, counted after the ")" that ends the name. */
  static long ticks(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  /** CPU seconds of the process since {@code earlier}. */
  double secondsSince(ProcCpu earlier) {
    return (processTicks - earlier.processTicks) / TICKS_PER_SECOND;
  }

  /**
   * CPU seconds since {@code earlier} of the JIT compiler threads ({@code C1_compiler}, {@code
   * C2_compiler}).
   */
  double jitSecondsSince(ProcCpu earlier) {
    long ticks = 0;
    for (Map.Entry<Long, ThreadTicks> e : threads.entrySet()) {
      if (e.getValue().name().endsWith("_compiler")) {
        ThreadTicks before = earlier.threads.get(e.getKey());
        ticks += e.getValue().ticks() - (before == null ? 0 : before.ticks());
      }
    }
    return ticks / TICKS_PER_SECOND;
  }

  /**
   * CPU seconds per thread name since {@code earlier}, busiest first, as {@code name=seconds}; the
   * CPU of threads that ended in between is {@code (ended)}.
   */
  String split(ProcCpu earlier, int top) {
    Map<String, Long> byName = new TreeMap<>();
    long threadTotal = 0;
    for (Map.Entry<Long, ThreadTicks> e : threads.entrySet()) {
      ThreadTicks before = earlier.threads.get(e.getKey());
      long delta = e.getValue().ticks() - (before == null ? 0 : before.ticks());
      byName.merge(e.getValue().name().replace(' ', '_'), delta, Long::sum);
      threadTotal += delta;
    }
    byName.put("(ended)", Math.max(0, processTicks - earlier.processTicks - threadTotal));
    return byName.entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(top)
        .map(
            e -> String.format(Locale.ROOT, "%s=%.2f", e.getKey(), e.getValue() / TICKS_PER_SECOND))
        .collect(Collectors.joining(" "));
  }
}
