package io.scrapestream.core.relabel;

import java.util.Optional;

/**
 * RE2's empty-width assertions in java.util.regex: {@code ^} and {@code $} match only at the
 * beginning and end of the text ({@code \A}, {@code \z}: Java's {@code $} would also match before a
 * final newline), or around any {@code \n} under the {@code m} flag, including after a final one;
 * {@code \b} and {@code \B} look at ASCII word characters only, as RE2 does.
 */
final class Re2Assertions {
  private static final String WORD = "[0-9A-Za-z_]";
  private static final String BOUNDARY =
      "(?:(?<=" + WORD + ")(?!" + WORD + ")|(?<!" + WORD + ")(?=" + WORD + "))";
  private static final String NOT_BOUNDARY =
      "(?:(?<=" + WORD + ")(?=" + WORD + ")|(?<!" + WORD + ")(?!" + WORD + "))";

  private Re2Assertions() {}

  static Re2Fragment.Item lineStart(boolean multiLine) {
    return Re2Fragment.Item.assertion(multiLine ? "(?:\\A|(?<=\\x{a}))" : "\\A");
  }

  static Re2Fragment.Item lineEnd(boolean multiLine) {
    return Re2Fragment.Item.assertion(multiLine ? "(?=\\x{a}|\\z)" : "\\z");
  }

  /**
   * The assertion written {@code \A}, {@code \z}, {@code \b} or {@code \B}, if {@code c} names one.
   */
  static Optional<Re2Fragment.Item> escaped(char c) {
    return switch (c) {
      case 'A' -> Optional.of(Re2Fragment.Item.assertion("\\A"));
      case 'z' -> Optional.of(Re2Fragment.Item.assertion("\\z"));
      case 'b' -> Optional.of(Re2Fragment.Item.assertion(BOUNDARY));
      case 'B' -> Optional.of(Re2Fragment.Item.assertion(NOT_BOUNDARY));
      case 'C' -> throw Re2Error.INVALID_ESCAPE.at("\\C", "\\C (any byte) is not supported by RE2");
      default -> Optional.empty();
    };
  }
}
