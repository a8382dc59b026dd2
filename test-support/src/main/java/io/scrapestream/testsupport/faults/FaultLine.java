package io.scrapestream.testsupport.faults;

import java.util.Locale;

/**
 * The one line every fault scenario prints: {@code scenario, samples expected, lost, duplicated,
 * recovery seconds, peak heap}. Lost = expected samples never stored; duplicated = stores beyond
 * the first of a sample (a sample stored three times counts two); peak heap of the process under
 * test, in MiB ({@code -1} when the scenario has no such process).
 */
public record FaultLine(
    String scenario,
    long expected,
    long lost,
    long duplicated,
    double recoverySeconds,
    long peakHeapMib) {

  public FaultLine {
    if (scenario == null || scenario.isBlank() || scenario.contains(",")) {
      throw new IllegalArgumentException(
          "scenario must be a non-blank name without commas. Found: " + scenario);
    }
    if (expected < 0 || lost < 0 || duplicated < 0 || lost > expected) {
      throw new IllegalArgumentException(
          "counts must be >= 0 and lost <= expected. Found: expected="
              + expected
              + " lost="
              + lost
              + " duplicated="
              + duplicated);
    }
  }

  /** The header of the table the lines form. */
  public static final String HEADER =
      "scenario, samples expected, lost, duplicated, recovery seconds, peak heap MiB";

  /** {@code <scenario>, <expected>, <lost>, <duplicated>, <recovery s>, <peak heap MiB>}. */
  public String line() {
    return String.format(
        Locale.ROOT,
        "%s, %d, %d, %d, %.1f, %d",
        scenario,
        expected,
        lost,
        duplicated,
        recoverySeconds,
        peakHeapMib);
  }

  /** Prints the line to standard output with a {@code FAULT } prefix (grep-able in CI logs). */
  public FaultLine print() {
    System.out.println("FAULT " + line());
    return this;
  }
}
