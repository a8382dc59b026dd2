package io.scrapestream.core.config;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A check on a converted value and the expectation reported when it fails, e.g. {@code must start
 * with "/"}.
 */
record ValueRule<T>(Predicate<T> test, String expectation) {
  ValueRule {
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(expectation, "expectation");
  }

  /** Accepts every value. */
  static <T> ValueRule<T> any() {
    return new ValueRule<>(value -> true, "anything");
  }

  /** Accepts exactly one of the given strings. */
  static ValueRule<String> oneOf(List<String> allowed) {
    List<String> copy = List.copyOf(allowed);
    return new ValueRule<>(copy::contains, "must be one of: " + String.join(", ", copy));
  }
}
