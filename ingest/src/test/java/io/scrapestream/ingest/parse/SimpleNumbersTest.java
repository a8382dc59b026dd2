package io.scrapestream.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SimpleNumbersTest {

  private final SimpleNumbers simple = new SimpleNumbers();
  private final NumberParser general = new NumberParser();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0, 0x0",
    "-0, 0x8000000000000000",
    "-0.0, 0x8000000000000000",
    "-0e5, 0x8000000000000000",
    "007, 0x401c000000000000",
    "00.50, 0x3fe0000000000000",
    "1., 0x3ff0000000000000",
    "0.1, 0x3fb999999999999a",
    "1.305e-06, 0x3eb5e4eeac9b7ef7",
    "2.5E+3, 0x40a3880000000000",
    "1e22, 0x4480f0cf064dd592",
    "1e-22, 0x3b5e392010175ee6",
    "9007199254740991, 0x433fffffffffffff",
    "0.00000000000000001, 0x3c670ef54646d497",
  })
  void shouldProduceTheGeneralParsersBitsWhenNumberIsSimple(String text, String hexBits) {
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);

    int end = simple.parseFloat(b, 0, b.length, true);

    long expected = Long.parseUnsignedLong(hexBits.substring(2), 16);
    assertThat(end).isEqualTo(b.length);
    assertThat(simple.bits).isEqualTo(expected);
    assertThat(general.parseFloat(b, 0, b.length, true)).isEqualTo(NumberParser.Status.OK);
    assertThat(general.bits).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "+1",
        ".5",
        "-.5",
        "1e",
        "1e+",
        "1e-",
        "1e23",
        "1e-23",
        "1e0001",
        "1.5e400",
        "NaN",
        "+Inf",
        "-Inf",
        "1x",
        "0x10",
        "1_0",
        "1,5",
        "9007199254740992",
        "9007199254740993",
        "18446744073709551615",
        "1234567890123456789",
        "0.000000000000000001",
        "1.2.3",
        "-",
        ""
      })
  void shouldLeaveToTheGeneralPathWhenNumberIsNotSimple(String text) {
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);

    assertThat(simple.parseFloat(b, 0, b.length, true)).isEqualTo(-1);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"12 3", "12\t3", "12\n3"})
  void shouldEndTheTokenWhenBlankTabOrLineFeedFollows(String text) {
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);

    assertThat(simple.parseFloat(b, 0, b.length, true)).isEqualTo(2);
    assertThat(simple.bits).isEqualTo(Double.doubleToRawLongBits(12));
    assertThat(simple.parseInteger(b, 0, b.length)).isEqualTo(2);
    assertThat(simple.longValue).isEqualTo(12);
  }

  @Test
  void shouldLeaveToTheGeneralPathWhenATabFollowsAnOpenMetricsValue() {
    byte[] b = "12\t".getBytes(StandardCharsets.US_ASCII);

    assertThat(simple.parseFloat(b, 0, b.length, false)).isEqualTo(-1);
    assertThat(simple.parseFloat(b, 0, 2, false)).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"0, 0", "-5, -5", "0042, 42", "1700000000000, 1700000000000"})
  void shouldReadIntegerWhenTimestampIsSimple(String text, long expected) {
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);

    assertThat(simple.parseInteger(b, 0, b.length)).isEqualTo(b.length);
    assertThat(simple.longValue).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"+5", "1.0", "1e3", "-", "", "1234567890123456789", "12a"})
  void shouldLeaveToTheGeneralPathWhenTimestampIsNotSimple(String text) {
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);

    assertThat(simple.parseInteger(b, 0, b.length)).isEqualTo(-1);
  }

  @Test
  void shouldAgreeWithTheGeneralParserWhenRandomDecimalsAreRead() {
    Random random = new Random(20261121);
    int accepted = 0;
    for (int n = 0; n < 200_000; n++) {
      byte[] b = randomDecimal(random).getBytes(StandardCharsets.US_ASCII);
      int end = simple.parseFloat(b, 0, b.length, true);
      if (end < 0) {
        continue;
      }
      accepted++;
      assertThat(general.parseFloat(b, 0, b.length, true)).isEqualTo(NumberParser.Status.OK);
      assertThat(simple.bits)
          .as(new String(b, StandardCharsets.US_ASCII))
          .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(new String(b, 0, end))));
    }
    assertThat(accepted).isGreaterThan(130_000);
  }

  private static String randomDecimal(Random random) {
    StringBuilder sb = new StringBuilder(random.nextBoolean() ? "-" : "");
    int digits = 1 + random.nextInt(18);
    int point = random.nextInt(digits + 1);
    for (int i = 0; i < digits; i++) {
      sb.append(i == point ? "." : "").append((char) ('0' + random.nextInt(10)));
    }
    if (random.nextInt(3) == 0) {
      sb.append(random.nextBoolean() ? 'e' : 'E').append(random.nextBoolean() ? "-" : "");
      sb.append(random.nextInt(30));
    }
    return sb.toString();
  }
}
