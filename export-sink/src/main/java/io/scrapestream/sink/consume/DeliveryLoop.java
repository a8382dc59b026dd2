package io.scrapestream.sink.consume;

import io.scrapestream.sink.bisect.BisectResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery of one backend's consumer (export-sink/DESIGN.md): poll, queue records per
 * partition, export each partition's units in order, one at a time, partitions in parallel on up to
 * {@code max_in_flight} threads, and commit a partition's offset once its unit is acknowledged or
 * dead-lettered (together, at most once a second: {@link OffsetCommits}). A partition is paused
 * while it holds {@code max_pending_samples} samples or backs off after a failure, and all are
 * while together they hold {@code max_pending_samples} x {@code max_in_flight}; polling goes on, so
 * the group never sees a slow consumer.
 */
public final class DeliveryLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryLoop.class);
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);

  /** While exports are in flight: the longest wait for one to end before polling again. */
  private static final Duration EXPORT_WAIT = Duration.ofMillis(5);

  private static final Duration LAG_INTERVAL = Duration.ofSeconds(1);

  private final WorkerParts parts;
  private final SinkOptions options;
  private final Map<TopicPartition, Lane> lanes = new LinkedHashMap<>();
  private final ExecutorService exports;
  private final ExportTask.Context context;
  private final Completions completions;
  private final ExportSignal signal = new ExportSignal();
  private final PartitionControl control;
  private final LoopCounters counters;
  private final OffsetCommits commits;
  private Instant nextLagReport = Instant.MIN;
  private int rotation;

  public DeliveryLoop(WorkerParts parts, SinkOptions options) {
    this.parts = parts;
    this.options = options;
    this.exports =
        ExportThreads.start(parts.exporter().backend(), options.delivery().maxInFlight());
    this.context = ExportTask.Context.of(parts, options, signal);
    this.completions = new Completions(parts);
    this.control =
        new PartitionControl(
            parts.consumer(),
            options.delivery().maxPendingSamples(),
            options.delivery().maxWorkerPendingSamples());
    this.counters = new LoopCounters(parts.clock().instant());
    this.commits = new OffsetCommits(parts.consumer(), backend(), parts.clock(), counters);
  }

  /**
   * Collects finished exports, polls once, starts the exports that are due, pauses and resumes.
   * While exports are in flight the poll does not block: the loop waits for one to end instead (at
   * most {@link #EXPORT_WAIT}), so a partition whose export ended never waits out a whole poll.
   */
  public void pollOnce() {
    signal.clear();
    collect();
    read(poll());
    dispatch(false);
    control.pauseAndResume(lanes.values(), parts.clock().instant());
    reportLag();
  }

  /** What this loop has read and committed so far. */
  public LoopCounters counters() {
    return counters;
  }

  /** Listens to the group's assignment changes; pass it to {@code subscribe}. */
  public ConsumerRebalanceListener rebalanceListener() {
    return new LaneRebalance(this);
  }

  /** Adds a lane for a partition assigned by hand (a replay), reading it up to {@code end}. */
  public void bound(TopicPartition partition, long end) {
    lanes.computeIfAbsent(partition, Lane::new).endOffset(end);
  }

  /** True when every lane has committed every record below its end offset (a replay's end). */
  public boolean reachedBounds() {
    if (!commits.isEmpty()) {
      return false;
    }
    for (Lane lane : lanes.values()) {
      if (lane.busy() || lane.hasUncommitted() || !control.atEnd(lane)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Before closing: sends each partition's next unit without waiting for its batch to fill, waits
   * up to {@code timeout} for the exports and commits what was acknowledged.
   */
  public void drain(Duration timeout) {
    collect();
    dispatch(true);
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Lane lane : lanes.values()) {
      if (lane.busy() && !lane.awaitExport(deadline)) {
        break;
      }
    }
    collect();
    commits.commitNow();
  }

  void assigned(Collection<TopicPartition> partitions) {
    partitions.forEach(tp -> lanes.computeIfAbsent(tp, Lane::new));
    LOG.info("[{}] assigned {}", backend(), partitions);
  }

  /**
   * Finishes the exports of partitions taken away, commits them when still allowed, forgets them.
   */
  void revoked(Collection<TopicPartition> partitions, boolean commit) {
    if (!commit) {
      commits.forget(partitions);
    }
    for (TopicPartition partition : partitions) {
      Lane lane = lanes.remove(partition);
      if (lane != null && lane.busy()) {
        lane.awaitExport(Long.MAX_VALUE);
        completions
            .complete(lane)
            .filter(offset -> commit)
            .ifPresent(o -> commits.add(partition, o));
      }
    }
    commits.commitNow();
    if (!partitions.isEmpty()) {
      LOG.info("[{}] revoked {}", backend(), partitions);
      parts.listener().revoked(backend(), partitions.size());
    }
  }

  private void collect() {
    for (Lane lane : lanes.values()) {
      if (lane.busy() && lane.future().isDone()) {
        completions.complete(lane).ifPresent(offset -> commits.add(lane.partition(), offset));
      }
    }
    commits.commitIfDue();
  }

  private ConsumerRecords<String, byte[]> poll() {
    boolean exporting = false;
    for (Lane lane : lanes.values()) {
      exporting |= lane.busy();
    }
    ConsumerRecords<String, byte[]> records =
        parts.consumer().poll(exporting ? Duration.ZERO : POLL_TIMEOUT);
    if (exporting && records.isEmpty()) {
      signal.await(EXPORT_WAIT);
    }
    return records;
  }

  private void read(ConsumerRecords<String, byte[]> records) {
    if (records.isEmpty()) {
      return;
    }
    Instant now = parts.clock().instant();
    for (TopicPartition partition : records.partitions()) {
      Lane lane = lanes.get(partition);
      if (lane == null) {
        continue;
      }
      for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
        if (record.offset() < lane.endOffset()) {
          PolledRecord polled = PolledRecord.of(record);
          lane.add(polled, now);
          counters.read(polled.samples());
        }
      }
    }
  }

  private void dispatch(boolean flush) {
    Instant now = parts.clock().instant();
    int busy = (int) lanes.values().stream().filter(Lane::busy).count();
    List<Lane> order = new ArrayList<>(lanes.values());
    Collections.rotate(order, order.isEmpty() ? 0 : -(rotation++ % order.size()));
    for (Lane lane : order) {
      if (busy >= options.delivery().maxInFlight()) {
        return;
      }
      if (lane.due(options.batch(), now, flush)) {
        ExportUnit unit = lane.unit(options.batch().maxSamples());
        FutureTask<BisectResult> export = signal.raisingWhenDone(new ExportTask(unit, context));
        exports.execute(export);
        lane.started(export);
        busy++;
      }
    }
  }

  private void reportLag() {
    Instant now = parts.clock().instant();
    if (now.isBefore(nextLagReport)) {
      return;
    }
    nextLagReport = now.plus(LAG_INTERVAL);
    try {
      Lag lag = control.lag(lanes.values(), now);
      parts.listener().lag(backend(), lag.records(), lag.age());
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      LOG.debug("[{}] no end offsets from the broker in time; lag not updated", backend(), e);
    }
  }

  private String backend() {
    return parts.exporter().backend();
  }

  /** Stops the export threads and closes the consumer, the dead-letter producer, the exporter. */
  @Override
  public void close() {
    exports.shutdownNow();
    try {
      exports.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      parts.consumer().close(Duration.ofSeconds(10));
      parts.deadLetters().close();
      parts.exporter().close();
    }
  }
}
