package io.scrapestream.enrich.topology;

import io.scrapestream.core.batch.BatchRecords;
import io.scrapestream.enrich.batch.IndexedBatch;
import io.scrapestream.enrich.staleness.GoneTargets;
import io.scrapestream.enrich.staleness.StalenessTracker;
import io.scrapestream.enrich.staleness.StateFormatException;
import io.scrapestream.enrich.staleness.TargetStates;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staleness stage: tracks each batch against its target's previous scrape ({@link
 * StalenessTracker}) and, on a wall-clock punctuator, writes stale markers for targets that stopped
 * reporting ({@link GoneTargets}), keyed by their target key so downstream order holds. While the
 * task is catching up — it processed a batch already two of its intervals old since the last
 * punctuation, as after a restart with a backlog — no target is judged gone: the grace period
 * starts again, so targets whose newer batches are still in the backlog get no false marker. Short
 * of that, a target is judged against the wall clock minus the task's delay: the largest age
 * (processing time minus scrape timestamp) of the batches processed since the last punctuation. A
 * pipeline that runs more than one interval behind (load, a slow scrape, producer linger) would
 * otherwise see live targets as gone; an idle task (no batch since the last punctuation) is not
 * behind, so targets that really stopped are judged on the wall clock alone.
 */
final class StalenessProcessor implements Processor<String, IndexedBatch, String, Object> {
  private static final Logger LOG = LoggerFactory.getLogger(StalenessProcessor.class);

  private final StalenessStage stage;
  private ProcessorContext<String, Object> context;
  private TargetStates states;
  private StalenessTracker tracker;
  private GoneTargets goneTargets;
  private long startMs;
  private long graceStartMs;
  private boolean catchingUp;
  private long windowDelayMs;

  /** What the stage needs: its store, the next node, how often to punctuate, where to report. */
  record StalenessStage(
      String storeName,
      String next,
      Duration punctuateInterval,
      EnrichListener listener,
      DeadLetters deadLetters) {}

  StalenessProcessor(StalenessStage stage) {
    this.stage = stage;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    KeyValueStore<String, byte[]> store = context.getStateStore(stage.storeName());
    states = new TargetStates(store);
    tracker = new StalenessTracker(states);
    goneTargets = new GoneTargets(states);
    startMs = context.currentSystemTimeMs();
    graceStartMs = startMs;
    context.schedule(stage.punctuateInterval(), PunctuationType.WALL_CLOCK_TIME, this::punctuate);
  }

  @Override
  public void process(Record<String, IndexedBatch> record) {
    IndexedBatch batch = record.value();
    String key = record.key() != null ? record.key() : batch.target().getKey();
    if (!key.isEmpty()) {
      try {
        int markers = track(key, batch);
        catchingUp |= isLate(batch);
        windowDelayMs = Math.max(windowDelayMs, delayMs(batch));
        if (markers > 0) {
          stage.listener().staleMarkers(markers);
        }
      } catch (RuntimeException e) {
        DeadLetters.Rejection rejection = DeadLetters.Rejection.of(DeadLetterReason.FAILED, e);
        stage.deadLetters().send(context, record, batch.originalBytes(), rejection);
        return;
      }
    }
    context.forward(record, stage.next());
  }

  private int track(String key, IndexedBatch batch) {
    try {
      return tracker.track(key, batch);
    } catch (StateFormatException e) {
      LOG.warn("enrich: forgetting the unreadable staleness state of target {}", key, e);
      states.forget(key);
      batch.discardAppended();
      return tracker.track(key, batch);
    }
  }

  private void punctuate(long nowMs) {
    long intervalMs = stage.punctuateInterval().toMillis();
    Duration lag = Duration.ofMillis((nowMs - startMs) % intervalMs);
    if (catchingUp) {
      catchingUp = false;
      graceStartMs = nowMs;
    }
    long delayMs = windowDelayMs;
    windowDelayMs = 0;
    var gone = goneTargets.sweep(nowMs - delayMs, graceStartMs);
    for (GoneTargets.Gone target : gone) {
      IndexedBatch markers = target.markers();
      RecordHeaders headers = new RecordHeaders();
      headers.add(
          BatchRecords.SCHEMA_HEADER, BatchRecords.SCHEMA_VERSION.getBytes(StandardCharsets.UTF_8));
      context.forward(
          new Record<>(target.key(), markers, markers.timestampMs(), headers), stage.next());
      stage.listener().staleMarkers(markers.seriesCount());
    }
    stage.listener().punctuated(lag, gone.size());
  }

  /** How long after its scrape the batch is processed (0 for a batch without an interval). */
  private long delayMs(IndexedBatch batch) {
    if (batch.target().getIntervalMs() <= 0) {
      return 0;
    }
    return Math.max(0, context.currentSystemTimeMs() - batch.timestampMs());
  }

  /** Whether the batch is two of its target's intervals old: the task is behind its input. */
  private boolean isLate(IndexedBatch batch) {
    long intervalMs = batch.target().getIntervalMs();
    return intervalMs > 0 && batch.timestampMs() + 2 * intervalMs < context.currentSystemTimeMs();
  }
}
