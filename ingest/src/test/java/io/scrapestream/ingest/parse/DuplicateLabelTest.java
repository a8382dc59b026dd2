package io.scrapestream.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A repeated label name fails the parse wherever it comes, including after lines whose names the
 * reader skips the duplicate check for (the same names as the last list, by identity).
 */
class DuplicateLabelTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a{x=\"1\",y=\"2\"} 1\\na{y=\"3\"} 2\\na{y=\"4\",y=\"5\"} 3\\n"
            + "|line 3, column 9: duplicate label name 'y'",
        "a{x=\"1\",y=\"2\"} 1\\na{x=\"3\",y=\"4\"} 2\\na{x=\"5\",x=\"6\"} 3\\n"
            + "|line 3, column 9: duplicate label name 'x'",
        "a{x=\"1\"} 1\\na{x=\"2\"} 2\\na{x=\"3\",__name__=\"b\"} 3\\n"
            + "|line 3, column 9: duplicate label name '__name__'",
        "a{x=\"1\",y=\"2\"} 1\\nb{x=\"1\",y=\"2\",x=\"3\"} 2\\n"
            + "|line 2, column 15: duplicate label name 'x'",
      })
  void shouldFailWhenATextListRepeatsANameAfterListsWithTheSameNames(String body, String message) {
    assertThat(parseError(ExpositionFormat.PROMETHEUS_TEXT, body)).hasMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "# TYPE c counter\\nc_total{a=\"1\"} 1 # {a=\"x\"} 1\\nc_total{a=\"2\"} 2 # {a=\"x\",a=\"y\"} 1\\n"
            + "# EOF\\n|line 3, column 27: duplicate label name 'a'",
        "# TYPE c counter\\nc_total{a=\"1\"} 1\\nc_total{a=\"2\"} 2\\nc_total{a=\"3\",a=\"4\"} 3\\n"
            + "# EOF\\n|line 4, column 15: duplicate label name 'a'",
      })
  void shouldFailWhenAnOpenMetricsListRepeatsANameAfterListsWithTheSameNames(
      String body, String message) {
    assertThat(parseError(ExpositionFormat.OPENMETRICS_TEXT, body)).hasMessage(message);
  }

  private static ExpositionParseException parseError(ExpositionFormat format, String body) {
    byte[] b = body.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8);
    ExpositionParser parser = format.newParser();
    return catchThrowableOfType(
        ExpositionParseException.class, () -> parser.parse(b, 0, b.length, new RecordingVisitor()));
  }
}
