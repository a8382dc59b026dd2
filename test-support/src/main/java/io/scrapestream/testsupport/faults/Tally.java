package io.scrapestream.testsupport.faults;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Lost and duplicated samples of a scenario: lost = expected samples never stored, duplicated =
 * stores beyond the first of a sample (a sample stored three times counts two), unexpected =
 * different samples stored that were not expected.
 */
public record Tally(
    String scenario,
    long expected,
    long lost,
    long duplicated,
    long unexpected,
    double recoverySeconds) {

  public Tally {
    if (expected < 0 || lost < 0 || duplicated < 0 || unexpected < 0 || lost > expected) {
      throw new IllegalArgumentException(
          "counts must be >= 0 and lost <= expected. Found: expected="
              + expected
              + " lost="
              + lost
              + " duplicated="
              + duplicated
              + " unexpected="
              + unexpected);
    }
  }

  /** Compares what was {@code stored} (key to times stored) with what was {@code expected}. */
  public static Tally of(
      String scenario,
      Set<String> expected,
      Map<String, ? extends Number> stored,
      double recoverySeconds) {
    long lost = expected.stream().filter(key -> !stored.containsKey(key)).count();
    long duplicated = stored.values().stream().mapToLong(count -> count.longValue() - 1L).sum();
    long unexpected = stored.keySet().stream().filter(key -> !expected.contains(key)).count();
    return new Tally(scenario, expected.size(), lost, duplicated, unexpected, recoverySeconds);
  }

  /** The expected keys never stored, sorted: what to name when {@link #lost()} is not zero. */
  public static SortedSet<String> missing(Set<String> expected, Map<String, ?> stored) {
    SortedSet<String> missing = new TreeSet<>(expected);
    missing.removeAll(stored.keySet());
    return missing;
  }

  /** {@code scenario=<name> expected=<n> lost=<n> duplicated=<n> recovery_s=<x>}. */
  public String line() {
    return String.format(
        Locale.ROOT,
        "scenario=%s expected=%d lost=%d duplicated=%d recovery_s=%.2f",
        scenario,
        expected,
        lost,
        duplicated,
        recoverySeconds);
  }

  /** Prints {@link #line()} to standard output. */
  public Tally print() {
    System.out.println(line());
    return this;
  }

  /** The scenario's {@link FaultLine}, with the peak heap of the process under test. */
  public FaultLine faultLine(long peakHeapMib) {
    return new FaultLine(scenario, expected, lost, duplicated, recoverySeconds, peakHeapMib);
  }
}
