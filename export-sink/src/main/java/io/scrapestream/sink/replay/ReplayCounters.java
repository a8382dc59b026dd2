package io.scrapestream.sink.replay;

import io.scrapestream.sink.DropReason;
import io.scrapestream.sink.SinkListener;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts what a replay exported, dead-lettered and dropped; called from the export threads. */
final class ReplayCounters implements SinkListener {
  private final LongAdder exported = new LongAdder();
  private final LongAdder deadLetters = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private final Map<DropReason, LongAdder> dropped = new ConcurrentHashMap<>();

  @Override
  public void exported(String backend, long samples, Duration elapsed) {
    exported.add(samples);
  }

  @Override
  public void failed(String backend, String outcomeClass) {}

  @Override
  public void dropped(String backend, DropReason reason, long samples) {
    dropped.computeIfAbsent(reason, r -> new LongAdder()).add(samples);
  }

  @Override
  public void deadLettered(String backend, long samples) {
    deadLetters.increment();
    rejected.add(samples);
  }

  long exported() {
    return exported.sum();
  }

  long deadLetters() {
    return deadLetters.sum();
  }

  long rejected() {
    return rejected.sum();
  }

  /** Dropped samples by reason, in the order of {@link DropReason}. */
  Map<DropReason, Long> dropped() {
    Map<DropReason, Long> counts = new EnumMap<>(DropReason.class);
    dropped.forEach((reason, count) -> counts.put(reason, count.sum()));
    return DropReason.ordered(counts);
  }
}
