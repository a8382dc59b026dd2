package io.scrapestream.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Random decimal strings of the grammar, parsed by {@link NumberParser} (both its exact fast path
 * and the Eisel-Lemire slow path) and by {@link SimpleNumbers}, against {@link Double#parseDouble}:
 * the same bits for every string, and {@code RANGE} exactly where Java overflows to infinity. Fixed
 * seeds, so a failure names a string that fails again.
 */
class NumberParserPropertyTest {
  private static final int CASES = 20_000;

  private final NumberParser numbers = new NumberParser();
  private final SimpleNumbers simple = new SimpleNumbers();

  @Test
  void shouldMatchJavaWhenStringsHaveManyDigitsAndExponents() {
    checkAll(1, NumberParserPropertyTest::randomDecimal);
  }

  @Test
  void shouldMatchJavaWhenStringsHaveSeventeenOrMoreDigits() {
    checkAll(2, random -> digits(random, 17 + random.nextInt(30)) + exponent(random, 40));
  }

  @Test
  void shouldMatchJavaWhenValuesAreSubnormalOrNearTheLimits() {
    checkAll(
        3,
        random -> {
          String mantissa = digits(random, 1 + random.nextInt(25));
          int shift = random.nextBoolean() ? -330 + random.nextInt(25) : 290 + random.nextInt(25);
          return mantissa + "e" + shift;
        });
  }

  @Test
  void shouldMatchJavaWhenStringsAreExactExpansionsOrHalfwayPoints() {
    checkAll(
        4,
        random -> {
          double d = Math.abs(randomFinite(random));
          BigDecimal exact = new BigDecimal(d);
          if (random.nextBoolean() && d < Double.MAX_VALUE) {
            exact = exact.add(new BigDecimal(Math.nextUp(d))).divide(BigDecimal.valueOf(2));
          }
          return random.nextBoolean() ? exact.toString() : exact.toPlainString();
        });
  }

  @Test
  void shouldMatchJavaWhenStringsAreShortestRepresentations() {
    checkAll(5, random -> Double.toString(randomFinite(random)));
  }

  private void checkAll(long seed, Function<Random, String> generator) {
    Random random = new Random(seed);
    for (int i = 0; i < CASES; i++) {
      check(generator.apply(random));
    }
  }

  private void check(String text) {
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);
    double expected = Double.parseDouble(text);
    NumberParser.Status status = numbers.parseFloat(b, 0, b.length, true);
    if (Double.isInfinite(expected)) {
      assertThat(status).as(text).isEqualTo(NumberParser.Status.RANGE);
      return;
    }
    assertThat(status).as(text).isEqualTo(NumberParser.Status.OK);
    long bits = Double.doubleToRawLongBits(expected);
    assertThat(numbers.bits).as(text).isEqualTo(bits);
    if (simple.parseFloat(b, 0, b.length, true) == b.length) {
      assertThat(simple.bits).as(text).isEqualTo(bits);
    }
  }

  /** {@code [sign] digits [. digits] [e [sign] digits]}, with leading zeros and up to 40 digits. */
  private static String randomDecimal(Random random) {
    StringBuilder s = new StringBuilder();
    int sign = random.nextInt(3);
    s.append(sign == 0 ? "" : sign == 1 ? "-" : "+");
    int intDigits = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(25);
    int fractionDigits = intDigits == 0 || random.nextBoolean() ? 1 + random.nextInt(25) : 0;
    s.append(random.nextInt(5) == 0 ? "000" : "").append(digits(random, intDigits));
    if (fractionDigits > 0 || random.nextInt(10) == 0) {
      s.append('.').append(digits(random, fractionDigits));
    }
    return s + exponent(random, 340);
  }

  private static double randomFinite(Random random) {
    double d = Double.longBitsToDouble(random.nextLong());
    return Double.isFinite(d) ? d : 0.5;
  }

  private static String exponent(Random random, int bound) {
    if (random.nextBoolean()) {
      return "";
    }
    int e = random.nextInt(2 * bound + 1) - bound;
    String sign = e < 0 ? "-" : random.nextBoolean() ? "+" : "";
    return (random.nextBoolean() ? "e" : "E") + sign + Math.abs(e);
  }

  private static String digits(Random random, int count) {
    StringBuilder s = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      s.append((char) ('0' + random.nextInt(10)));
    }
    return s.toString();
  }
}
