package io.scrapestream.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumberParserTest {

  private final NumberParser numbers = new NumberParser();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0, 0x0",
    "-0, 0x8000000000000000",
    "1, 0x3ff0000000000000",
    "1.5, 0x3ff8000000000000",
    "0.1, 0x3fb999999999999a",
    "1e-5, 0x3ee4f8b588e368f1",
    "1.7976931348623157e308, 0x7fefffffffffffff",
    "4.9e-324, 0x1",
    "2.2250738585072011e-308, 0xfffffffffffff",
    "9007199254740993, 0x4340000000000000",
    "0.30000000000000004, 0x3fd3333333333334",
    "123456789012345678901234567890e-30, 0x3fbf9add3746f65f",
    "+Inf, 0x7ff0000000000000",
    "-inf, 0xfff0000000000000",
    "Infinity, 0x7ff0000000000000",
    "-INFINITY, 0xfff0000000000000",
    "NaN, 0x7ff8000000000001",
    "nan, 0x7ff8000000000001",
    "nAn, 0x7ff8000000000001",
  })
  void shouldProduceExactBitsWhenNumberIsValid(String text, String hexBits) {
    assertThat(parse(text, true)).isEqualTo(NumberParser.Status.OK);
    assertThat(numbers.bits).isEqualTo(Long.parseUnsignedLong(hexBits.substring(2), 16));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "", "+", "-", ".", "e5", "1e", "1e+", "0x1p-3", "0x10", "1d", "1f", "1_000", "1.2.3",
        "+NaN", "-nan", "Inf1", "infinit", "1 ", " 1", "1,5", "٣"
      })
  void shouldRejectSyntaxWhenNumberIsMalformed(String text) {
    assertThat(parse(text, true)).isEqualTo(NumberParser.Status.SYNTAX);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"1e309", "-1.8e308", "99999999999999999999e300"})
  void shouldRejectRangeWhenNumberOverflowsDouble(String text) {
    assertThat(parse(text, true)).isEqualTo(NumberParser.Status.RANGE);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"NaN", "+Inf", "-Inf", "inf"})
  void shouldRejectSpecialsWhenOnlyRealNumbersAreAllowed(String text) {
    assertThat(parse(text, false)).isEqualTo(NumberParser.Status.SYNTAX);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0, 0",
    "-1, -1",
    "+7, 7",
    "9223372036854775807, 9223372036854775807",
    "-9223372036854775808, -9223372036854775808"
  })
  void shouldParseIntegerWhenItFitsInSixtyFourBits(String text, long expected) {
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);

    assertThat(numbers.parseInteger(b, 0, b.length)).isEqualTo(NumberParser.Status.OK);
    assertThat(numbers.longValue).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource({
    "9223372036854775808, RANGE",
    "-9223372036854775809, RANGE",
    "1.0, SYNTAX",
    "-, SYNTAX",
    "1e3, SYNTAX"
  })
  void shouldRejectIntegerWhenMalformedOrTooLarge(String text, NumberParser.Status expected) {
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);

    assertThat(numbers.parseInteger(b, 0, b.length)).isEqualTo(expected);
  }

  private NumberParser.Status parse(String text, boolean specials) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return numbers.parseFloat(b, 0, b.length, specials);
  }
}
