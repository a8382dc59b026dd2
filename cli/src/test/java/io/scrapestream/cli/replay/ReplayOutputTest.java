package io.scrapestream.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.sink.DropReason;
import io.scrapestream.sink.replay.ReplayProgress;
import io.scrapestream.sink.replay.ReplayResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayOutputTest {
  private static final ReplayProgress QUARTER =
      new ReplayProgress(12_345, 1_234_567, 1_200_000, 0.25, Duration.ofSeconds(24));
  private static final ReplayResult DONE =
      new ReplayResult(
          true,
          "scrapestream-replay-prom-20261121T100000Z",
          4,
          8,
          7,
          1,
          1,
          Map.of(DropReason.TOO_OLD, 3L, DropReason.STALE_MARKER, 1L),
          Duration.ofMillis(72_900));

  @Test
  void shouldShowRecordsSamplesExportedShareAndEtaWhenProgressIsReported() {
    assertThat(ReplayOutput.progressLine("prom", QUARTER))
        .isEqualTo(
            "replay prom: 12,345 records, 1,234,567 samples, 1,200,000 exported, 25.0% of the"
                + " window, ETA 1m12s");
    assertThat(
            ReplayOutput.progressLine(
                "prom", new ReplayProgress(0, 0, 0, 0.0, Duration.ofSeconds(1))))
        .isEqualTo("replay prom: 0 records, 0 samples, 0 exported, 0.0% of the window, ETA ?");
  }

  @Test
  void shouldSumUpEveryCountWhenTheReplayCompleted() {
    assertThat(
            ReplayOutput.summaryLine(
                "prom", "scrapestream.samples.enriched", DONE, Duration.ofMinutes(10)))
        .isEqualTo(
            "replay of scrapestream.samples.enriched into prom complete: 4 records, 8 samples,"
                + " 7 exported, 1 dead-lettered (1 samples refused), dropped: stale_marker=1"
                + " too_old=3, in 1m12s; offsets in group scrapestream-replay-prom-20261121T100000Z");
  }

  @Test
  void shouldSayWhyWhenTheReplayGaveUp() {
    ReplayResult stopped =
        new ReplayResult(false, "g", 10, 20, 0, 0, 0, Map.of(), Duration.ofMillis(600_400));

    assertThat(ReplayOutput.summaryLine("prom", "t", stopped, Duration.ofMinutes(10)))
        .isEqualTo(
            "replay of t into prom stopped: the backend kept failing for 10m: 10 records,"
                + " 20 samples, 0 exported, 0 dead-lettered (0 samples refused), dropped: none,"
                + " in 10m; offsets in group g");
  }

  @Test
  void shouldRewriteOneLineOnAConsoleAndEndItBeforeTheSummary() {
    StringWriter err = new StringWriter();
    ReplayOutput output = new ReplayOutput(new PrintWriter(err), true, "prom");

    output.progress(QUARTER);
    output.progress(QUARTER);
    output.summary(DONE, "t", Duration.ofMinutes(10));

    String line = ReplayOutput.progressLine("prom", QUARTER);
    assertThat(err.toString())
        .isEqualTo(
            "\r\033[K"
                + line
                + "\r\033[K"
                + line
                + System.lineSeparator()
                + ReplayOutput.summaryLine("prom", "t", DONE, Duration.ofMinutes(10))
                + System.lineSeparator());
  }

  @Test
  void shouldPrintOneLineEachWhenNoConsoleIsAttached() {
    StringWriter err = new StringWriter();
    ReplayOutput output = new ReplayOutput(new PrintWriter(err), false, "prom");

    output.progress(QUARTER);
    output.progress(QUARTER);

    assertThat(err.toString().lines())
        .containsExactly(
            ReplayOutput.progressLine("prom", QUARTER), ReplayOutput.progressLine("prom", QUARTER));
  }
}
