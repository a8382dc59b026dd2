package io.scrapestream.it.faults;

import static org.awaitility.Awaitility.await;

import io.scrapestream.testsupport.faults.SequenceTargets;
import io.scrapestream.testsupport.faults.Tally;
import io.scrapestream.testsupport.faults.WriteRequestLedger;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;

/** Waiting for samples to reach the backend's ledger, and naming those that did not. */
final class Deliveries {
  private static final Duration POLL = Duration.ofMillis(20);

  private Deliveries() {}

  /** Keys of {@code expected} the ledger does not hold. */
  static Set<String> missing(Set<String> expected, WriteRequestLedger ledger) {
    return expected.stream().filter(key -> !ledger.contains(key)).collect(Collectors.toSet());
  }

  /**
   * Waits up to {@code atMost} until the ledger holds every key of {@code expected}; returns false
   * (instead of failing) when it does not, so that the scenario prints its line with what was lost.
   */
  static boolean awaitAll(Set<String> expected, WriteRequestLedger ledger, Duration atMost) {
    return awaitTrue(() -> missing(expected, ledger).isEmpty(), atMost);
  }

  /** Waits up to {@code atMost} until {@code condition} holds; false when it never did. */
  static boolean awaitTrue(BooleanSupplier condition, Duration atMost) {
    try {
      await().atMost(atMost).pollInterval(POLL).until(condition::getAsBoolean);
      return true;
    } catch (ConditionTimeoutException e) {
      return false;
    }
  }

  /**
   * The scrapes the {@code missing} sample keys ({@code <instance>/<series>/<sequence>}) belong to:
   * {@code <instance>/<sequence>}.
   */
  static Set<String> scrapesOf(Set<String> missing) {
    return missing.stream()
        .map(key -> key.split("/"))
        .map(parts -> parts[0] + "/" + parts[2])
        .collect(Collectors.toSet());
  }

  /**
   * The tally of {@code expected}: what the ledger stored of it, and what it stored that no target
   * ever served (unexpected). Samples of scrapes served after {@code expected} was taken are left
   * out: the pipeline keeps running while the scenario counts.
   */
  static Tally tally(
      String scenario,
      Set<String> expected,
      WriteRequestLedger ledger,
      SequenceTargets targets,
      double recoverySeconds) {
    Map<String, Integer> stored = ledger.counts();
    Set<String> served = targets.expectedKeys();
    Map<String, Integer> counted = new HashMap<>();
    stored.forEach(
        (key, times) -> {
          if (expected.contains(key) || !served.contains(key)) {
            counted.put(key, times);
          }
        });
    return Tally.of(scenario, expected, counted, recoverySeconds);
  }

  static double secondsSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
