package io.scrapestream.core.relabel;

import java.util.Optional;

/** Counted repetitions {@code {n}}, {@code {n,}} and {@code {n,m}} as Go's parser reads them. */
final class Re2Repeat {
  private static final int TOO_BIG = 100_000_000;

  private Re2Repeat() {}

  /**
   * Parses {@code {min}}, {@code {min,}} or {@code {min,max}} at {@code at} into {@code {min, max,
   * end}}, max being -1 when open and min being -1 when a number is too big. Empty when the text
   * is not a repetition, in which case RE2 reads {@code {} literally.
   */
  static Optional<int[]> parseCounts(String re, int at) {
    int[] min = number(re, at + 1);
    if (min == null || min[1] >= re.length()) {
      return Optional.empty();
    }
    int t = min[1];
    int low = min[0];
    int high = low;
    if (re.charAt(t) == ',') {
      t++;
      if (t < re.length() && re.charAt(t) == '}') {
        high = -1;
      } else {
        int[] max = number(re, t);
        if (max == null) {
          return Optional.empty();
        }
        high = max[0];
        low = max[0] < 0 ? -1 : low;
        t = max[1];
      }
    }
    if (t >= re.length() || re.charAt(t) != '}') {
      return Optional.empty();
    }
    return Optional.of(new int[] {low, high, t + 1});
  }

  /** Whether the counts are within RE2's limits: at most 1000, and min not above max. */
  static boolean validCounts(int min, int max) {
    return min >= 0
        && min <= Re2Fragment.MAX_REPEAT
        && max <= Re2Fragment.MAX_REPEAT
        && (max < 0 || min <= max);
  }

  /** The same counts as a Java quantifier, without laziness. */
  static String javaQuantifier(int min, int max) {
    return max == min ? "{" + min + "}" : "{" + min + "," + (max < 0 ? "" : max) + "}";
  }

  /**
   * The weight of {@code x{min,max}} for an operand of weight {@code operand}: the product of
   * nested repetition counts, as Go's {@code repeatIsValid} walks it ({@code x{0}} counts as 1).
   */
  static int weight(int min, int max, int operand) {
    int count = max < 0 ? min : max;
    return count == 0 ? 1 : count * operand;
  }

  /** A hint for a repetition applied to a repetition, such as Java's possessive {@code a*+}. */
  static String hint(String re, int operatorStart) {
    return re.charAt(operatorStart) == '+' ? "possessive quantifiers are not supported by RE2" : "";
  }

  /**
   * A decimal number at {@code at} as {@code {value, end}}, value -1 when too big; null if none.
   */
  private static int[] number(String re, int at) {
    if (at >= re.length() || !isDigit(re.charAt(at))) {
      return null;
    }
    if (re.charAt(at) == '0' && at + 1 < re.length() && isDigit(re.charAt(at + 1))) {
      return null;
    }
    int end = at;
    long value = 0;
    while (end < re.length() && isDigit(re.charAt(end))) {
      value = value >= TOO_BIG ? TOO_BIG : value * 10 + re.charAt(end) - '0';
      end++;
    }
    return new int[] {value >= TOO_BIG ? -1 : (int) value, end};
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
