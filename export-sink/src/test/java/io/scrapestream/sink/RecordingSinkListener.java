package io.scrapestream.sink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Records every event as a line such as {@code exported prom 3} (elapsed times left out). */
public final class RecordingSinkListener implements SinkListener {
  private final List<String> events = Collections.synchronizedList(new ArrayList<>());

  public List<String> events() {
    return events;
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
}
