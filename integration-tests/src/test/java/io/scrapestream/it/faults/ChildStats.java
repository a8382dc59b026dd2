package io.scrapestream.it.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One {@code STATS} line of {@link SinkChildMain}, and the reading of a child's output. */
record ChildStats(long peakHeapMib, long lagRecords, int revoked) {
  private static final Pattern LINE =
      Pattern.compile("STATS peak_heap_mib=(\\d+) lag_records=(-?\\d+) revoked=(\\d+)");

  /** Every STATS line of the child's output so far, in order. */
  static List<ChildStats> read(Path log) throws IOException {
    return Files.readAllLines(log).stream()
        .map(LINE::matcher)
        .filter(Matcher::matches)
        .map(
            m ->
                new ChildStats(
                    Long.parseLong(m.group(1)),
                    Long.parseLong(m.group(2)),
                    Integer.parseInt(m.group(3))))
        .toList();
  }

  /** The highest peak heap any STATS line of these outputs reported, in MiB; -1 when none. */
  static long peakHeapMib(Path... logs) throws IOException {
    long peak = -1;
    for (Path log : logs) {
      for (ChildStats stats : read(log)) {
        peak = Math.max(peak, stats.peakHeapMib());
      }
    }
    return peak;
  }

  /** Lines of the child's output that contain {@code text}. */
  static long linesContaining(Path log, String text) throws IOException {
    return Files.readAllLines(log).stream().filter(line -> line.contains(text)).count();
  }
}
