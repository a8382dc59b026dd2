package io.scrapestream.sink.consume;

import io.scrapestream.sink.DropReason;
import io.scrapestream.sink.SinkListener;
import io.scrapestream.sink.bisect.BisectResult;
import io.scrapestream.sink.bisect.Bisection;
import io.scrapestream.sink.bisect.Piece;
import io.scrapestream.sink.series.FlatBatch;
import io.scrapestream.sink.window.SampleWindow;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * One attempt at a unit, on an export thread: the first attempt drops the samples outside the
 * backend's window; every attempt sends the pieces still to send, bisecting rejected requests.
 */
final class ExportTask implements Callable<BisectResult> {
  private final ExportUnit unit;
  private final Context context;

  /** What every export of one sink shares. */
  record Context(
      String backend,
      Bisection bisection,
      SampleWindow window,
      Clock clock,
      SinkListener listener,
      ExportSignal signal) {
    Context {
      Objects.requireNonNull(backend, "backend");
      Objects.requireNonNull(bisection, "bisection");
      Objects.requireNonNull(window, "window");
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(listener, "listener");
      Objects.requireNonNull(signal, "signal");
    }

    /** What the exports of a sink with these parts and options share. */
    static Context of(WorkerParts parts, SinkOptions options, ExportSignal signal) {
      return new Context(
          parts.exporter().backend(),
          new Bisection(parts.exporter(), parts.listener(), Bisection.DEFAULT_MAX_REQUESTS),
          SampleWindow.of(options.delivery()),
          parts.clock(),
          parts.listener(),
          signal);
    }
  }

  ExportTask(ExportUnit unit, Context context) {
    this.unit = unit;
    this.context = context;
  }

  @Override
  public BisectResult call() {
    unit.retrying(false);
    if (unit.remaining() == null) {
      unit.remaining(pieces());
    }
    return context.bisection().export(unit.remaining(), this::retrying);
  }

  /**
   * Marks the unit as waiting for a retry and wakes the loop thread, which pauses its partition.
   */
  private void retrying() {
    unit.retrying(true);
    context.signal().raise();
  }

  private List<Piece> pieces() {
    List<Piece> pieces = new ArrayList<>(unit.records().size());
    long[] dropped = new long[2];
    Instant now = context.clock().instant();
    for (int i = 0; i < unit.records().size(); i++) {
      PolledRecord record = unit.records().get(i);
      if (!record.decodes()) {
        continue;
      }
      FlatBatch kept = kept(record, now, dropped);
      if (kept.seriesCount() > 0) {
        pieces.add(Piece.whole(i, kept));
      }
    }
    report(DropReason.TOO_OLD, dropped[0]);
    report(DropReason.TOO_NEW, dropped[1]);
    return pieces;
  }

  /**
   * The record's batch without its samples outside the window, adding them to {@code dropped} (too
   * old, too new); the very batch, without parsing its message, when none is outside.
   */
  private FlatBatch kept(PolledRecord record, Instant now, long[] dropped) {
    if (context.window().keepsAll(record.source(), now)) {
      return record.source();
    }
    SampleWindow.Filtered kept = context.window().apply(record.batch(), now);
    dropped[0] += kept.tooOld();
    dropped[1] += kept.tooNew();
    return FlatBatch.of(kept.batch());
  }

  private void report(DropReason reason, long samples) {
    if (samples > 0) {
      context.listener().dropped(context.backend(), reason, samples);
    }
  }
}
