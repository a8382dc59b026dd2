package io.scrapestream.sink.consume;

import io.scrapestream.sink.ExportOutcome;
import io.scrapestream.sink.RetryStatus;
import io.scrapestream.sink.bisect.BisectResult;
import io.scrapestream.sink.bisect.Rejection;
import io.scrapestream.sink.retry.RetryPolicy;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the result of a lane's finished export, on the loop thread: a unit whose every piece was
 * acknowledged or refused gets its refused records dead-lettered, and is committed once they are
 * stored; a unit that failed transiently is sent again, only its unsent pieces, after a back-off
 * under {@link RetryPolicy#pausing()} during which its partition is paused.
 */
final class Completions {
  private static final Logger LOG = LoggerFactory.getLogger(Completions.class);

  private final WorkerParts parts;
  private final RetryPolicy pausing = RetryPolicy.pausing();
  private final ThrottledLog warnings;

  Completions(WorkerParts parts) {
    this.parts = parts;
    this.warnings = new ThrottledLog(LOG, parts.clock(), Duration.ofSeconds(10));
  }

  /** The offset to commit once the lane's unit is done; empty when it must be sent again. */
  Optional<OffsetAndMetadata> complete(Lane lane) {
    BisectResult result = result(lane);
    ExportUnit unit = lane.current();
    unit.rejected(result.rejected());
    if (result.retry().isPresent()) {
      unit.remaining(result.unsent());
      ExportOutcome.Retryable retryable = result.retry().get();
      parts.listener().retried(backend(), RetryStatus.of(retryable));
      backOff(lane, retryable.reason(), retryable.retryAfter());
      return Optional.empty();
    }
    unit.remaining(List.of());
    if (!deadLetter(lane, unit)) {
      return Optional.empty();
    }
    lane.committed();
    return Optional.of(new OffsetAndMetadata(unit.nextOffset()));
  }

  private BisectResult result(Lane lane) {
    try {
      return lane.future().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + lane.partition(), e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "export of " + lane.partition() + " to " + backend() + " failed", e.getCause());
    } finally {
      lane.ended();
    }
  }

  /** Dead-letters the unit's refused and undecodable records; false when they were not stored. */
  private boolean deadLetter(Lane lane, ExportUnit unit) {
    Map<Integer, Long> refusedSamples = new HashMap<>();
    Map<Integer, String> reasons = new HashMap<>();
    for (Rejection rejection : unit.rejections()) {
      refusedSamples.merge(
          rejection.piece().index(), (long) rejection.piece().samples(), Long::sum);
      reasons.putIfAbsent(rejection.piece().index(), rejection.reason());
    }
    List<PolledRecord> records = unit.records();
    for (int i = 0; i < records.size(); i++) {
      PolledRecord record = records.get(i);
      if (!record.decodes()) {
        parts.deadLetters().publish(record.record(), record.decodeError());
      } else if (refusedSamples.containsKey(i)) {
        parts.deadLetters().publishRejected(record.record(), reasons.get(i), refusedSamples.get(i));
      }
    }
    try {
      parts.deadLetters().flush();
    } catch (IllegalStateException e) {
      LOG.warn("[{}] {}: dead letters not stored; trying again", backend(), lane.partition(), e);
      backOff(lane, e.getMessage(), Optional.empty());
      return false;
    }
    report(lane, unit, refusedSamples, reasons);
    return true;
  }

  private void report(
      Lane lane, ExportUnit unit, Map<Integer, Long> refused, Map<Integer, String> reasons) {
    for (PolledRecord record : unit.records()) {
      if (!record.decodes()) {
        parts.listener().deadLettered(backend(), 0);
      }
    }
    refused.values().forEach(samples -> parts.listener().deadLettered(backend(), samples));
    if (!refused.isEmpty()) {
      warnings.warn(
          "[{}] {}: backend refused {} samples of {} records (offsets {}-{}), dead-lettered: {}",
          backend(),
          lane.partition(),
          refused.values().stream().mapToLong(Long::longValue).sum(),
          refused.size(),
          unit.records().get(0).offset(),
          unit.nextOffset() - 1,
          reasons.values().iterator().next());
    }
  }

  private void backOff(Lane lane, String reason, Optional<Duration> retryAfter) {
    Duration wait =
        pausing.delayBefore(
            lane.failures() + 1, retryAfter, ThreadLocalRandom.current().nextDouble());
    lane.backOff(parts.clock().instant().plus(wait));
    warnings.warn(
        "[{}] {}: backend unavailable ({}); partition paused, sending again in {}",
        backend(),
        lane.partition(),
        reason,
        wait);
  }

  private String backend() {
    return parts.exporter().backend();
  }
}
