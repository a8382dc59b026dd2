package io.scrapestream.sink;

import java.time.Duration;
import java.util.Objects;

/** Passes every event to two listeners, in order. */
record BothSinkListeners(SinkListener first, SinkListener second) implements SinkListener {
  BothSinkListeners {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
  }

  @Override
  public void exported(String backend, long samples, Duration elapsed) {
    first.exported(backend, samples, elapsed);
    second.exported(backend, samples, elapsed);
  }

  @Override
  public void failed(String backend, String outcomeClass) {
    first.failed(backend, outcomeClass);
    second.failed(backend, outcomeClass);
  }

  @Override
  public void dropped(String backend, DropReason reason, long samples) {
    first.dropped(backend, reason, samples);
    second.dropped(backend, reason, samples);
  }

  @Override
  public void partiallyRejected(String backend, long samples) {
    first.partiallyRejected(backend, samples);
    second.partiallyRejected(backend, samples);
  }

  @Override
  public void duplicates(String backend, long samples) {
    first.duplicates(backend, samples);
    second.duplicates(backend, samples);
  }

  @Override
  public void written(String backend, long samples, long histograms, long exemplars) {
    first.written(backend, samples, histograms, exemplars);
    second.written(backend, samples, histograms, exemplars);
  }

  @Override
  public void request(String backend, Duration elapsed) {
    first.request(backend, elapsed);
    second.request(backend, elapsed);
  }

  @Override
  public void retried(String backend, RetryStatus status) {
    first.retried(backend, status);
    second.retried(backend, status);
  }

  @Override
  public void batchSize(String backend, long samples) {
    first.batchSize(backend, samples);
    second.batchSize(backend, samples);
  }

  @Override
  public void bisected(String backend, int requests) {
    first.bisected(backend, requests);
    second.bisected(backend, requests);
  }

  @Override
  public void deadLettered(String backend, long samples) {
    first.deadLettered(backend, samples);
    second.deadLettered(backend, samples);
  }

  @Override
  public void lag(String backend, long records, Duration age) {
    first.lag(backend, records, age);
    second.lag(backend, records, age);
  }

  @Override
  public void revoked(String backend, int partitions) {
    first.revoked(backend, partitions);
    second.revoked(backend, partitions);
  }
}
