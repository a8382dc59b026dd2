package io.scrapestream.sink.otlp;

import io.scrapestream.sink.DropReason;
import java.util.EnumMap;
import java.util.Map;

/** Samples left out of one conversion, by reason. */
final class Drops {
  private final Map<DropReason, Long> counts = new EnumMap<>(DropReason.class);

  void add(DropReason reason, long samples) {
    if (samples > 0) {
      counts.merge(reason, samples, Long::sum);
    }
  }

  Map<DropReason, Long> counts() {
    return DropReason.ordered(counts);
  }
}
