package io.scrapestream.sink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Records every event as a line such as {@code exported prom 3} (elapsed times and request
 * durations left out); lag reports go to {@link #lags()}, as {@code records age}.
 */
public final class RecordingSinkListener implements SinkListener {
  private final List<String> events = Collections.synchronizedList(new ArrayList<>());
  private final List<String> lags = Collections.synchronizedList(new ArrayList<>());

  public List<String> events() {
    return events;
  }

  /** Lag reports, e.g. {@code 12 PT3S}. */
  public List<String> lags() {
    return lags;
  }

  @Override
  public void exported(String backend, long samples, Duration elapsed) {
    events.add("exported " + backend + " " + samples);
  }

  @Override
  public void failed(String backend, String outcomeClass) {
    events.add("failed " + backend + " " + outcomeClass);
  }

  @Override
  public void dropped(String backend, DropReason reason, long samples) {
    events.add("dropped " + backend + " " + reason.label() + " " + samples);
  }

  @Override
  public void partiallyRejected(String backend, long samples) {
    events.add("partiallyRejected " + backend + " " + samples);
  }

  @Override
  public void duplicates(String backend, long samples) {
    events.add("duplicates " + backend + " " + samples);
  }

  @Override
  public void retried(String backend, RetryStatus status) {
    events.add("retried " + backend + " " + status.label());
  }

  @Override
  public void batchSize(String backend, long samples) {
    events.add("batchSize " + backend + " " + samples);
  }

  @Override
  public void bisected(String backend, int requests) {
    events.add("bisected " + backend + " " + requests);
  }

  @Override
  public void deadLettered(String backend, long samples) {
    events.add("deadLettered " + backend + " " + samples);
  }

  @Override
  public void lag(String backend, long records, Duration age) {
    lags.add(records + " " + age);
  }

  @Override
  public void revoked(String backend, int partitions) {
    events.add("revoked " + backend + " " + partitions);
  }
}
