package io.scrapestream.testsupport.faults;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a store holds of the samples {@link SequenceTargets} served: {@code stored} maps each {@link
 * SequenceTargets#key} read back to how often it was stored.
 *
 * @param expected the keys a lossless pipeline stores
 * @param missing expected keys never stored
 * @param duplicated stores beyond the first of an expected key
 * @param unexpected stored keys nobody served (a bug in the pipeline or the ledger)
 */
public record SequenceTally(
    long expected, Set<String> missing, long duplicated, Set<String> unexpected) {

  public SequenceTally {
    Objects.requireNonNull(missing, "missing must not be null");
    Objects.requireNonNull(unexpected, "unexpected must not be null");
    missing = Set.copyOf(missing);
    unexpected = Set.copyOf(unexpected);
    if (expected < missing.size() || duplicated < 0) {
      throw new IllegalArgumentException(
          "need missing <= expected and duplicated >= 0. Found: expected="
              + expected
              + " missing="
              + missing.size()
              + " duplicated="
              + duplicated);
    }
  }

  /** Compares what was stored with what was expected. */
  public static SequenceTally of(Set<String> expected, Map<String, Long> stored) {
    Set<String> missing = new TreeSet<>();
    for (String key : expected) {
      if (!stored.containsKey(key)) {
        missing.add(key);
      }
    }
    long duplicated = 0;
    Set<String> unexpected = new TreeSet<>();
    for (Map.Entry<String, Long> entry : stored.entrySet()) {
      if (expected.contains(entry.getKey())) {
        duplicated += entry.getValue() - 1;
      } else {
        unexpected.add(entry.getKey());
      }
    }
    return new SequenceTally(expected.size(), missing, duplicated, unexpected);
  }

  /** The number of expected samples never stored. */
  public long lost() {
    return missing.size();
  }

  /** The one line of a scenario with these counts. */
  public FaultLine line(String scenario, double recoverySeconds, long peakHeapMib) {
    return new FaultLine(scenario, expected, lost(), duplicated, recoverySeconds, peakHeapMib);
  }
}
