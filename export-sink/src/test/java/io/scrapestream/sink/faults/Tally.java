package io.scrapestream.sink.faults;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Lost and duplicated samples of a scenario: lost = expected samples never stored, duplicated =
 * stores beyond the first of a sample (a sample stored three times counts two).
 */
record Tally(
    String scenario,
    int expected,
    int lost,
    int duplicated,
    int unexpected,
    double recoverySeconds) {

  static Tally of(
      String scenario, Set<String> expected, Map<String, Integer> stored, double recoverySeconds) {
    int lost = 0;
    for (String key : expected) {
      if (!stored.containsKey(key)) {
        lost++;
      }
    }
    int duplicated = stored.values().stream().mapToInt(count -> count - 1).sum();
    int unexpected = (int) stored.keySet().stream().filter(key -> !expected.contains(key)).count();
    return new Tally(scenario, expected.size(), lost, duplicated, unexpected, recoverySeconds);
  }

  /** {@code scenario=<name> expected=<n> lost=<n> duplicated=<n> recovery_s=<x>}. */
  String line() {
    return String.format(
        Locale.ROOT,
        "scenario=%s expected=%d lost=%d duplicated=%d recovery_s=%.2f",
        scenario,
        expected,
        lost,
        duplicated,
        recoverySeconds);
  }

  Tally print() {
    System.out.println(line());
    return this;
  }
}
