package io.scrapestream.sink.retry;

import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.sink.ExportOutcome;
import io.scrapestream.sink.Exporter;
import io.scrapestream.sink.RetryStatus;
import io.scrapestream.sink.SinkListener;
import io.scrapestream.sink.series.FlatBatch;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries the {@link ExportOutcome.Retryable} outcomes of another exporter under a {@link
 * RetryPolicy}; returns {@link ExportOutcome.Rejected} at once, and the last retryable outcome when
 * the attempts are spent. Reports every attempt (its duration and outcome) and every retry (by
 * {@link RetryStatus}) to a {@link SinkListener}. Safe for concurrent exports when its delegate is.
 */
public final class RetryingExporter implements Exporter {
  private static final Logger LOG = LoggerFactory.getLogger(RetryingExporter.class);

  private final Exporter delegate;
  private final RetryPolicy policy;
  private final SinkListener listener;
  private final RetryTiming timing;

  public RetryingExporter(Exporter delegate, RetryPolicy policy, SinkListener listener) {
    this(delegate, policy, listener, RetryTiming.system());
  }

  public RetryingExporter(
      Exporter delegate, RetryPolicy policy, SinkListener listener, RetryTiming timing) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.timing = Objects.requireNonNull(timing, "timing");
  }

  /**
   * Exports, retrying as the policy says. The elapsed time reported on success covers every attempt
   * and wait. When interrupted while waiting, returns a retryable outcome at once and leaves the
   * thread's interrupt flag set.
   */
  @Override
  public ExportOutcome export(List<ScrapeBatch> batches) {
    return export(batches, RetryWatcher.NONE);
  }

  /**
   * Exports as {@link #export(List)} does, telling {@code watcher} before the first wait for a
   * retry (the caller pauses the partition meanwhile).
   */
  @Override
  public ExportOutcome export(List<ScrapeBatch> batches, RetryWatcher watcher) {
    return retried(() -> delegate.export(batches), watcher);
  }

  /**
   * Exports the decoded batches through the delegate's {@link #exportFlat}, retrying the same way.
   */
  @Override
  public ExportOutcome exportFlat(List<FlatBatch> batches, RetryWatcher watcher) {
    return retried(() -> delegate.exportFlat(batches, RetryWatcher.NONE), watcher);
  }

  private ExportOutcome retried(Supplier<ExportOutcome> request, RetryWatcher watcher) {
    Instant start = timing.clock().instant();
    ExportOutcome outcome = attempt(request, start);
    for (int retry = 1;
        outcome instanceof ExportOutcome.Retryable retryable && retry < policy.maxAttempts();
        retry++) {
      if (retry == 1) {
        watcher.retrying();
      }
      Optional<ExportOutcome> interrupted = waitBefore(retry, retryable);
      if (interrupted.isPresent()) {
        return interrupted.get();
      }
      outcome = attempt(request, start);
    }
    return outcome;
  }

  /** Waits before retry number {@code retry}; the outcome to return when interrupted meanwhile. */
  private Optional<ExportOutcome> waitBefore(int retry, ExportOutcome.Retryable retryable) {
    Duration delay =
        policy.delayBefore(retry, retryable.retryAfter(), timing.random().getAsDouble());
    listener.retried(backend(), RetryStatus.of(retryable));
    LOG.debug("[{}] retry {} in {}: {}", backend(), retry, delay, retryable.reason());
    try {
      timing.sleeper().sleep(delay);
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of(
          new ExportOutcome.Retryable(
              "interrupted while waiting to retry; last failure: " + retryable.reason(),
              Optional.empty(),
              retryable.status()));
    }
  }

  @Override
  public String backend() {
    return delegate.backend();
  }

  @Override
  public void close() {
    delegate.close();
  }

  private ExportOutcome attempt(Supplier<ExportOutcome> request, Instant start) {
    Instant sent = timing.clock().instant();
    ExportOutcome outcome = request.get();
    listener.request(backend(), Duration.between(sent, timing.clock().instant()));
    if (outcome instanceof ExportOutcome.Success success) {
      Duration elapsed = Duration.between(start, timing.clock().instant());
      listener.exported(backend(), success.samples(), elapsed);
    } else if (outcome instanceof ExportOutcome.PartiallyRejected partial) {
      Duration elapsed = Duration.between(start, timing.clock().instant());
      listener.exported(backend(), partial.samples(), elapsed);
      listener.failed(backend(), partial.outcomeClass());
    } else {
      listener.failed(backend(), outcome.outcomeClass());
    }
    return outcome;
  }
}
