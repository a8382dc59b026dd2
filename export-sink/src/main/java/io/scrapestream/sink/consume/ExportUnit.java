package io.scrapestream.sink.consume;

import io.scrapestream.sink.bisect.Piece;
import io.scrapestream.sink.bisect.Rejection;
import java.util.ArrayList;
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
    this.records = List.copyOf(records);
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
    remaining = List.copyOf(pieces);
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
