package io.scrapestream.sink.consume;

import io.scrapestream.core.config.BatchSettings;
import io.scrapestream.sink.bisect.BisectResult;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.TopicPartition;

/**
 * One assigned partition: the records read and not yet committed, in offset order — a unit being
 * exported (at most one: per-partition order) and the records queued behind it — with its back-off.
 * Used by the loop thread only.
 */
final class Lane {
  private final TopicPartition partition;
  private final Deque<PolledRecord> queued = new ArrayDeque<>();
  private long queuedSamples;
  private Instant queuedSince;
  private ExportUnit unit;
  private Future<BisectResult> future;
  private int failures;
  private Instant retryAt = Instant.MIN;
  private long endOffset = Long.MAX_VALUE;

  Lane(TopicPartition partition) {
    this.partition = partition;
  }

  TopicPartition partition() {
    return partition;
  }

  void add(PolledRecord record, Instant now) {
    if (queued.isEmpty()) {
      queuedSince = now;
    }
    queued.add(record);
    queuedSamples += record.samples();
  }

  /** Samples read and not committed yet: the unit's and the queue's. */
  long uncommittedSamples() {
    return queuedSamples + (unit == null ? 0 : unit.samples());
  }

  boolean hasUncommitted() {
    return unit != null || !queued.isEmpty();
  }

  boolean busy() {
    return future != null;
  }

  /** Whether its unit's export waits for the exporter's own retry. */
  boolean retrying() {
    return busy() && unit.retrying();
  }

  boolean backingOff(Instant now) {
    return now.isBefore(retryAt);
  }

  /** Whether a unit should be sent now: one to retry, a full batch, or an old enough one. */
  boolean due(BatchSettings batch, Instant now, boolean flush) {
    if (busy() || backingOff(now)) {
      return false;
    }
    if (unit != null) {
      return true;
    }
    return !queued.isEmpty()
        && (flush
            || queuedSamples >= batch.maxSamples()
            || !now.isBefore(queuedSince.plus(batch.maxDelay())));
  }

  /** The unit to send: the one not finished yet, else up to {@code maxSamples} queued samples. */
  ExportUnit unit(int maxSamples) {
    if (unit == null) {
      List<PolledRecord> records = new ArrayList<>();
      long samples = 0;
      while (!queued.isEmpty()
          && (records.isEmpty() || samples + queued.peek().samples() <= maxSamples)) {
        PolledRecord record = queued.poll();
        records.add(record);
        samples += record.samples();
      }
      queuedSamples -= samples;
      queuedSince = queued.isEmpty() ? null : queuedSince;
      unit = new ExportUnit(records);
    }
    return unit;
  }

  void started(Future<BisectResult> export) {
    future = export;
  }

  Future<BisectResult> future() {
    return future;
  }

  /**
   * Waits until the unit's export ended, or until {@code deadline} ({@link System#nanoTime()};
   * {@link Long#MAX_VALUE}: no deadline); false when it has not ended.
   */
  boolean awaitExport(long deadline) {
    try {
      long left = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - System.nanoTime();
      future.get(Math.max(0, left), TimeUnit.NANOSECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      return true;
    } catch (TimeoutException e) {
      return false;
    }
  }

  /** The export ended and its result was taken. */
  void ended() {
    future = null;
  }

  ExportUnit current() {
    return unit;
  }

  /** The unit is committed: the next one may start at once. */
  void committed() {
    unit = null;
    failures = 0;
    retryAt = Instant.MIN;
  }

  /** The unit failed transiently: it is sent again, whole or its rest, not before {@code until}. */
  void backOff(Instant until) {
    failures++;
    retryAt = until;
  }

  /** Consecutive failed attempts of the current unit. */
  int failures() {
    return failures;
  }

  /** The offset this lane reads up to, exclusive (a replay's end); unbounded by default. */
  long endOffset() {
    return endOffset;
  }

  void endOffset(long end) {
    endOffset = end;
  }

  /** The offset of the first record read and not committed, if any. */
  OptionalLong firstUncommittedOffset() {
    if (unit != null) {
      return OptionalLong.of(unit.records().get(0).offset());
    }
    return queued.isEmpty() ? OptionalLong.empty() : OptionalLong.of(queued.peek().offset());
  }

  /** The earliest scrape timestamp among the records read and not committed, if any. */
  OptionalLong oldestUncommittedMs() {
    long oldest = Long.MAX_VALUE;
    if (unit != null) {
      for (PolledRecord record : unit.records()) {
        oldest = Math.min(oldest, record.timestampMs());
      }
    }
    for (PolledRecord record : queued) {
      oldest = Math.min(oldest, record.timestampMs());
    }
    return hasUncommitted() ? OptionalLong.of(oldest) : OptionalLong.empty();
  }
}
