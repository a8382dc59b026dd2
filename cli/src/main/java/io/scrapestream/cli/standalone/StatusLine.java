package io.scrapestream.cli.standalone;

import java.io.PrintStream;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.ToLongFunction;

/**
 * The one-line live status of {@code standalone}: targets up, samples/s scraped, samples/s exported
 * per backend and consumer lag. On a terminal it rewrites itself in place.
 */
final class StatusLine {
  private final PrintStream out;
  private final boolean terminal;
  private PipelineStats.Snapshot previous;
  private long previousNanos;

  StatusLine(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  void print(PipelineStats.Snapshot now, ToLongFunction<String> lagOfBackend) {
    long nanos = System.nanoTime();
    double seconds = previous == null ? 0 : (nanos - previousNanos) / 1e9;
    StringJoiner exported = new StringJoiner(", ");
    for (Map.Entry<String, Long> backend : now.exported().entrySet()) {
      long before = previous == null ? 0 : previous.exported().getOrDefault(backend.getKey(), 0L);
      exported.add(
          String.format(
              "%s %s/s (lag %s)",
              backend.getKey(),
              rate(backend.getValue() - before, seconds),
              lag(lagOfBackend.applyAsLong(backend.getKey()))));
    }
    long scrapedBefore = previous == null ? 0 : previous.samplesScraped();
    String line =
        String.format(
            "targets %d/%d up | scraped %s samples/s | exported %s",
            now.targetsUp(),
            now.targetsSeen(),
            rate(now.samplesScraped() - scrapedBefore, seconds),
            exported.length() == 0 ? "-" : exported.toString());
    out.print(terminal ? "\r\033[K" + line : line + System.lineSeparator());
    out.flush();
    previous = now;
    previousNanos = nanos;
  }

  /** Ends the in-place line so that what follows starts on a new one. */
  void finish() {
    if (terminal) {
      out.println();
    }
  }

  private static String rate(long delta, double seconds) {
    return seconds <= 0 ? "-" : String.format("%,.0f", delta / seconds);
  }

  private static String lag(long records) {
    return records < 0 ? "?" : String.format("%,d rec", records);
  }
}
