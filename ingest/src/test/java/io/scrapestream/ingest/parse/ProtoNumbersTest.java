package io.scrapestream.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProtoNumbersTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource({
    "1, 1.0",
    "0, 0.0",
    "-0.0, 0.0",
    "-1, -1.0",
    "0.25, 0.25",
    "100, 100.0",
    "123456, 123456.0",
    "1234567, 1.234567e+06",
    "1000000, 1e+06",
    "0.0001, 0.0001",
    "0.00001, 1e-05",
    "-2.5, -2.5",
    "1e21, 1e+21",
    "4.9e-324, 5e-324",
    "0.30000000000000004, 0.30000000000000004",
    "1.7976931348623157e308, 1.7976931348623157e+308",
    "9.223372036854775807e18, 9.223372036854776e+18",
    "Infinity, +Inf",
    "-Infinity, -Inf",
    "NaN, NaN"
  })
  void shouldFormatAsPrometheusFormatsLeAndQuantileWhenGivenAFloat(double value, String expected) {
    assertThat(ProtoNumbers.formatOpenMetrics(value)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource({
    "0, 0.0",
    "42, 42.0",
    "-1, 1.8446744073709552E19",
    "-9223372036854775808, 9.223372036854776E18"
  })
  void shouldReadUint64AsGoConvertsItWhenHighBitIsSet(long bits, double expected) {
    assertThat(ProtoNumbers.unsignedToDouble(bits)).isEqualTo(expected);
  }
}
