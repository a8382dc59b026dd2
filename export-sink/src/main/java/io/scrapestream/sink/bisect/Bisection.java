package io.scrapestream.sink.bisect;

import io.scrapestream.sink.ExportOutcome;
import io.scrapestream.sink.Exporter;
import io.scrapestream.sink.SinkListener;
import io.scrapestream.sink.series.FlatBatch;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Exports pieces and, when the backend rejects a request as a whole (a remote write 400 for one bad
 * sample), halves it and exports the halves, recursively, so that the good samples get through and
 * only the smallest refused pieces remain: first by batches, then by the series of a single batch.
 * The depth is at most log2(batches) + log2(series of a batch); the requests of one export are
 * bounded by {@code maxRequests}, after which a refused piece is not split further.
 *
 * <p>Only rejections that a smaller request may avoid are split: 400, 413, 422, and a refusal
 * before sending (an invalid batch). Any other status (401, 403, 404) refuses every piece at once.
 */
public final class Bisection {
  /** Enough to isolate three bad samples among 5000 (about 2 log2(n) requests each). */
  public static final int DEFAULT_MAX_REQUESTS = 100;

  private static final Set<Integer> SPLITTABLE =
      Set.of(ExportOutcome.Rejected.NOT_SENT, 400, 413, 422);

  private final Exporter exporter;
  private final SinkListener listener;
  private final int maxRequests;

  public Bisection(Exporter exporter, SinkListener listener, int maxRequests) {
    this.exporter = Objects.requireNonNull(exporter, "exporter");
    this.listener = Objects.requireNonNull(listener, "listener");
    if (maxRequests < 1) {
      throw new IllegalArgumentException("maxRequests: must be >= 1. Found: " + maxRequests);
    }
    this.maxRequests = maxRequests;
  }

  /**
   * Exports the pieces in order, bisecting rejected requests; stops at the first retryable outcome
   * and returns the pieces not exported yet, for the caller to export again later.
   */
  public BisectResult export(List<Piece> pieces) {
    return export(pieces, Exporter.RetryWatcher.NONE);
  }

  /**
   * Exports as {@link #export(List)} does, passing {@code watcher} to every request: it hears when
   * one waits for the exporter's own retry.
   */
  public BisectResult export(List<Piece> pieces, Exporter.RetryWatcher watcher) {
    if (pieces.isEmpty()) {
      return BisectResult.nothingToSend();
    }
    Deque<List<Piece>> work = new ArrayDeque<>();
    // one list class whatever the size (not List.copyOf's two): send() stays compiled for one
    work.push(Collections.unmodifiableList(new ArrayList<>(pieces)));
    Progress progress = new Progress();
    while (!work.isEmpty()) {
      List<Piece> unit = work.pop();
      ExportOutcome outcome = send(unit, watcher);
      progress.requests++;
      if (outcome instanceof ExportOutcome.Retryable retryable) {
        return progress.stopped(unit, work, retryable);
      }
      apply(outcome, unit, work, progress);
    }
    return progress.finished();
  }

  private ExportOutcome send(List<Piece> unit, Exporter.RetryWatcher watcher) {
    List<FlatBatch> batches = new ArrayList<>(unit.size());
    long samples = 0;
    for (Piece piece : unit) {
      batches.add(piece.toFlat());
      samples += piece.samples();
    }
    listener.batchSize(exporter.backend(), samples);
    return exporter.exportFlat(batches, watcher);
  }

  private void apply(
      ExportOutcome outcome, List<Piece> unit, Deque<List<Piece>> work, Progress progress) {
    if (outcome instanceof ExportOutcome.Success success) {
      progress.samples += success.samples();
    } else if (outcome instanceof ExportOutcome.PartiallyRejected partial) {
      progress.samples += partial.samples();
      partial.rejectedBatches().forEach((i, why) -> progress.reject(piece(unit, i), why));
    } else if (outcome instanceof ExportOutcome.Rejected rejected) {
      if (splittable(rejected, unit) && progress.requests + work.size() + 2 <= maxRequests) {
        List<List<Piece>> halves = halves(unit);
        work.push(halves.get(1));
        work.push(halves.get(0));
      } else {
        unit.forEach(piece -> progress.reject(piece, rejected.reason()));
      }
    }
  }

  private Piece piece(List<Piece> unit, int index) {
    if (index >= unit.size()) {
      throw new IllegalStateException(
          "exporter of backend "
              + exporter.backend()
              + " refused batch "
              + index
              + " of an export of "
              + unit.size());
    }
    return unit.get(index);
  }

  private static boolean splittable(ExportOutcome.Rejected rejected, List<Piece> unit) {
    return SPLITTABLE.contains(rejected.status()) && (unit.size() > 1 || unit.get(0).samples() > 1);
  }

  private static List<List<Piece>> halves(List<Piece> unit) {
    if (unit.size() > 1) {
      int middle = unit.size() / 2;
      return List.of(unit.subList(0, middle), unit.subList(middle, unit.size()));
    }
    List<Piece> halves = unit.get(0).halves();
    return List.of(List.of(halves.get(0)), List.of(halves.get(1)));
  }

  /** What one export has done so far. */
  private final class Progress {
    private long samples;
    private int requests;
    private final List<Rejection> rejected = new ArrayList<>();

    void reject(Piece piece, String reason) {
      rejected.add(new Rejection(piece, reason));
    }

    BisectResult stopped(
        List<Piece> unit, Deque<List<Piece>> work, ExportOutcome.Retryable retryable) {
      List<Piece> unsent = new ArrayList<>(unit);
      work.forEach(unsent::addAll);
      report();
      return new BisectResult(samples, rejected, unsent, Optional.of(retryable), requests);
    }

    BisectResult finished() {
      report();
      return new BisectResult(samples, rejected, List.of(), Optional.empty(), requests);
    }

    private void report() {
      if (requests > 1) {
        listener.bisected(exporter.backend(), requests - 1);
      }
    }
  }
}
