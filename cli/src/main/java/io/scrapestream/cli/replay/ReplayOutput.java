package io.scrapestream.cli.replay;

import io.scrapestream.core.config.PrometheusDuration;
import io.scrapestream.sink.DropReason;
import io.scrapestream.sink.replay.ReplayProgress;
import io.scrapestream.sink.replay.ReplayResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code scrapestream replay} prints on stderr: a progress line every second — rewritten in
 * place ({@code \r}) on a console, one line each otherwise — and a summary.
 */
final class ReplayOutput {
  private final PrintWriter err;
  private final boolean console;
  private final String backend;
  private boolean midLine;

  ReplayOutput(PrintWriter err, boolean console, String backend) {
    this.err = err;
    this.console = console;
    this.backend = backend;
  }

  void progress(ReplayProgress progress) {
    String line = progressLine(backend, progress);
    if (console) {
      err.print("\r\033[K" + line);
      midLine = true;
    } else {
      err.println(line);
    }
    err.flush();
  }

  void summary(ReplayResult result, String topic, Duration giveUpAfter) {
    if (midLine) {
      err.println();
      midLine = false;
    }
    err.println(summaryLine(backend, topic, result, giveUpAfter));
    err.flush();
  }

  /** {@code replay prom: 4 records, 8 samples, 8 exported, 50.0% of the window, ETA 3s}. */
  static String progressLine(String backend, ReplayProgress progress) {
    return String.format(
        Locale.ROOT,
        "replay %s: %,d records, %,d samples, %,d exported, %.1f%% of the window, ETA %s",
        backend,
        progress.records(),
        progress.samples(),
        progress.exported(),
        progress.fraction() * 100,
        progress.eta().map(ReplayOutput::seconds).orElse("?"));
  }

  /** One line: how the replay ended, its counts by outcome, and its duration. */
  static String summaryLine(
      String backend, String topic, ReplayResult result, Duration giveUpAfter) {
    String ending =
        result.completed()
            ? "complete"
            : "stopped: the backend kept failing for " + PrometheusDuration.format(giveUpAfter);
    return String.format(
        Locale.ROOT,
        "replay of %s into %s %s: %,d records, %,d samples, %,d exported, %,d dead-lettered (%,d"
            + " samples refused), dropped: %s, in %s; offsets in group %s",
        topic,
        backend,
        ending,
        result.records(),
        result.samples(),
        result.exported(),
        result.deadLetters(),
        result.rejected(),
        dropped(result.dropped()),
        seconds(result.duration()),
        result.groupId());
  }

  private static String dropped(Map<DropReason, Long> dropped) {
    if (dropped.isEmpty()) {
      return "none";
    }
    return dropped.entrySet().stream()
        .map(
            entry -> String.format(Locale.ROOT, "%s=%,d", entry.getKey().label(), entry.getValue()))
        .collect(Collectors.joining(" "));
  }

  /** Whole seconds the Prometheus way ({@code 1m12s}), {@code 0s} below one. */
  private static String seconds(Duration duration) {
    return PrometheusDuration.format(Duration.ofSeconds(duration.getSeconds()));
  }
}
