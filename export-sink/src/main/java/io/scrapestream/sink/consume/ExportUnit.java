package io.scrapestream.sink.consume;

import io.scrapestream.sink.bisect.Piece;
import io.scrapestream.sink.bisect.Rejection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Records of one partition exported together, from their first attempt until committed: the pieces
 * still to send (after a retryable failure, only those) and what the backend refused so far. Handed
 * between the loop thread and one export thread, never used by both at once, except {@link
 * #retrying()}, which the export thread sets while the loop thread reads it.
 */
final class ExportUnit {
  private final List<PolledRecord> records;
  private final long samples;
  private final List<Rejection> rejections = new ArrayList<>();
  private List<Piece> remaining;
  private volatile boolean retrying;

  ExportUnit(List<PolledRecord> records) {
    if (records.isEmpty()) {
      throw new IllegalArgumentException("records: must not be empty. Found: none");
    }
    this.records = frozen(records);
    this.samples = records.stream().mapToLong(PolledRecord::samples).sum();
  }

  List<PolledRecord> records() {
    return records;
  }

  /** The samples read, before any was dropped. */
  long samples() {
    return samples;
  }

  /** The offset to commit once the unit is done. */
  long nextOffset() {
    return records.get(records.size() - 1).offset() + 1;
  }

  /** The pieces still to send; null before the first attempt has filtered the records. */
  List<Piece> remaining() {
    return remaining;
  }

  void remaining(List<Piece> pieces) {
    remaining = frozen(pieces);
  }

  /**
   * An unmodifiable copy whose class does not depend on its size ({@code List.copyOf} answers one
   * class up to two elements and another above): the JIT compiles the exports for one list class,
   * and a unit of one or two records no longer sends the compiled code back to the interpreter (C2
   * recompiled {@code ExportTask.pieces}, {@code Bisection.send} and {@code DeliveryLoop.collect}
   * after such class-check traps every ~10 s in a long-running sink).
   */
  private static <T> List<T> frozen(List<T> list) {
    return Collections.unmodifiableList(new ArrayList<>(list));
  }

  /** Whether the current attempt waits for the exporter's own retry (its partition is paused). */
  boolean retrying() {
    return retrying;
  }

  void retrying(boolean waiting) {
    retrying = waiting;
  }

  List<Rejection> rejections() {
    return rejections;
  }

  void rejected(List<Rejection> more) {
    rejections.addAll(more);
  }
}
