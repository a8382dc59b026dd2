package io.scrapestream.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The edges of the text parser's fast paths (simple numbers, guessed names and values, repeated
 * help texts), each checked against the series the grammar means.
 */
class TextFastPathTest {

  private final PrometheusTextParser parser = new PrometheusTextParser();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a 9007199254740993|SAMPLE {__name__=\"a\"} 9.007199254740992E15",
        "a 18446744073709551615|SAMPLE {__name__=\"a\"} 1.8446744073709552E19",
        "a -0|SAMPLE {__name__=\"a\"} -0.0",
        "a 007|SAMPLE {__name__=\"a\"} 7.0",
        "a 00.250|SAMPLE {__name__=\"a\"} 0.25",
        "a 1.5e3|SAMPLE {__name__=\"a\"} 1500.0",
        "a 2E-3|SAMPLE {__name__=\"a\"} 0.002",
        "a 1e-400|SAMPLE {__name__=\"a\"} 0.0",
        "a 1e0001|SAMPLE {__name__=\"a\"} 10.0",
        "a 1.7976931348623157e308|SAMPLE {__name__=\"a\"} 1.7976931348623157E308",
        "a\t3\t-5|SAMPLE {__name__=\"a\"} 3.0 @-5",
        "a 1 9223372036854775807|SAMPLE {__name__=\"a\"} 1.0 @9223372036854775807",
        "a 1 0042|SAMPLE {__name__=\"a\"} 1.0 @42",
      })
  void shouldReadTheGrammarsValueWhenNumberIsAtAFastPathEdge(String line, String expected)
      throws Exception {
    assertThat(parse(line + "\n")).containsExactly(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a 1e400|line 1, column 3: sample value '1e400' is outside the float64 range",
        "a 1x|line 1, column 3: invalid sample value '1x': expected a decimal number, NaN, +Inf or"
            + " -Inf",
        "a 1 9223372036854775808|line 1, column 5: timestamp '9223372036854775808' does not fit in"
            + " 64 bits",
        "a 1 1.5|line 1, column 5: invalid timestamp '1.5': expected an integer",
        "a 1 2 3|line 1, column 7: expected end of line after the timestamp. Found: '3'",
      })
  void shouldFailWithTheGeneralErrorWhenNumberIsNotSimple(String line, String message) {
    assertThat(parseError(line + "\n")).hasMessage(message);
  }

  @Test
  void shouldReadEachValueWhenGuessesArePrefixesOfTheNextOnes() throws Exception {
    String body = "ab{l=\"abc\"} 1\nabc{l=\"ab\"} 2\nab{l=\"abcd\"} 3\nab{l=\"abc\"} 4\n";

    List<String> events = parse(body);
    List<String> again = parse(body);

    assertThat(events)
        .containsExactly(
            "SAMPLE {__name__=\"ab\",l=\"abc\"} 1.0",
            "SAMPLE {__name__=\"abc\",l=\"ab\"} 2.0",
            "SAMPLE {__name__=\"ab\",l=\"abcd\"} 3.0",
            "SAMPLE {__name__=\"ab\",l=\"abc\"} 4.0");
    assertThat(again).isEqualTo(events);
  }

  @Test
  void shouldUnescapeLabelValuesWhenTheSameEscapedValueRepeats() throws Exception {
    String body = "a{l=\"x\\\"y\\\\z\\n\"} 1\na{l=\"x\\\"y\\\\z\\n\"} 2\na{l=\"x\\\\\"} 3\n";

    List<String> events = parse(body);

    assertThat(events)
        .containsExactly(
            "SAMPLE {__name__=\"a\",l=\"x\\\"y\\\\z\\n\"} 1.0",
            "SAMPLE {__name__=\"a\",l=\"x\\\"y\\\\z\\n\"} 2.0",
            "SAMPLE {__name__=\"a\",l=\"x\\\\\"} 3.0");
  }

  @Test
  void shouldFailWhenALabelValueIsInvalidUtf8AfterAValidOne() {
    byte[] body =
        concat("a{l=\"\u00e9\"} 1\na{l=\"", new byte[] {(byte) 0xc3, (byte) 0x28}, "\"} 2\n");

    ExpositionParseException e =
        catchThrowableOfType(
            ExpositionParseException.class,
            () -> parser.parse(body, 0, body.length, new RecordingVisitor()));

    assertThat(e).hasMessage("line 2, column 6: invalid UTF-8 in label value");
  }

  @Test
  void shouldReportTheNewHelpTextWhenTheFamilysHelpChangesBetweenParses() throws Exception {
    List<String> first = parse("# HELP a one\\ntwo\n# HELP b plain\n");
    List<String> same = parse("# HELP a one\\ntwo\n# HELP b plain\n");
    List<String> changed = parse("# HELP a one\\ntwo!\n# HELP b plain \n# HELP c \n");

    assertThat(first).containsExactly("HELP a \"one\\ntwo\"", "HELP b \"plain\"");
    assertThat(same).isEqualTo(first);
    assertThat(changed).containsExactly("HELP a \"one\\ntwo!\"", "HELP b \"plain \"");
  }

  @Test
  void shouldReadEachNameAndValueWhenLongOnesDifferFromTheLastLineInOneByte() throws Exception {
    String body =
        "a_long_metric_name_number_1{a_long_label_name_number_1=\"a_long_label_value_one\"} 1\n"
            + "a_long_metric_name_number_1{a_long_label_name_number_1=\"a_long_label_value_onf\"} 2\n"
            + "a_long_metric_name_number_2{a_long_label_name_number_2=\"a_long_label_value_onf\"} 3\n"
            + "a_long_metric_name_number_22{a_long_label_name_number_22=\"a_long_label_value_on\"} 4\n"
            + "a_long_metric_name_number_2{a_long_label_name_number_2=\"a_long_label_\\\\value\"} 5\n"
            + "a_long_metric_name_number_2{a_long_label_name_number_2=\"a_long_label_\\\\valuf\"} 6\n";

    List<String> events = parse(body);
    List<String> again = parse(body);

    assertThat(events)
        .containsExactly(
            "SAMPLE {__name__=\"a_long_metric_name_number_1\","
                + "a_long_label_name_number_1=\"a_long_label_value_one\"} 1.0",
            "SAMPLE {__name__=\"a_long_metric_name_number_1\","
                + "a_long_label_name_number_1=\"a_long_label_value_onf\"} 2.0",
            "SAMPLE {__name__=\"a_long_metric_name_number_2\","
                + "a_long_label_name_number_2=\"a_long_label_value_onf\"} 3.0",
            "SAMPLE {__name__=\"a_long_metric_name_number_22\","
                + "a_long_label_name_number_22=\"a_long_label_value_on\"} 4.0",
            "SAMPLE {__name__=\"a_long_metric_name_number_2\","
                + "a_long_label_name_number_2=\"a_long_label_\\\\value\"} 5.0",
            "SAMPLE {__name__=\"a_long_metric_name_number_2\","
                + "a_long_label_name_number_2=\"a_long_label_\\\\valuf\"} 6.0");
    assertThat(again).isEqualTo(events);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "# HELP abc x\\n# TYPE abd counter\\n|HELP abc \"x\";TYPE abd counter",
        "#\tHELP abc x\\n#  TYPE  abc\tgauge\\n|HELP abc \"x\";TYPE abc gauge",
        "# HELPabc x\\n# TYPE\\n# HELP|",
        "# TYPE abc summary|TYPE abc summary",
      })
  void shouldReadHelpAndTypeWhenTheKeywordIsSpelledAnyWay(String body, String expected)
      throws Exception {
    List<String> events = parse(body.replace("\\n", "\n"));

    assertThat(events)
        .containsExactlyElementsOf(expected == null ? List.of() : List.of(expected.split(";")));
  }

  @Test
  void shouldFailWhenHelpEndsTheBodyWithoutAName() {
    assertThat(parseError("a 1\n# HELP "))
        .hasMessage("line 2, column 8: expected a metric name after HELP. Found: end of input");
  }

  @Test
  void shouldHandOutIdenticalStringsWhenTwoParsersOnOneThreadReadTheSameBytes() throws Exception {
    byte[] body = "a{l=\"v\"} 1\nb{l=\"v\"} 2\n".getBytes(StandardCharsets.UTF_8);
    List<String> seen = new ArrayList<>();
    RecordingVisitorBase keep =
        new RecordingVisitorBase() {
          @Override
          public void sample(LabelView labels, long bits, boolean hasTs, long ts) {
            seen.add(labels.name(1));
            seen.add(labels.value(1));
          }
        };

    parser.parse(body, 0, body.length, keep);
    new PrometheusTextParser().parse(body, 0, body.length, keep);

    assertThat(seen).hasSize(8);
    for (int i = 2; i < seen.size(); i += 2) {
      assertThat(seen.get(i)).isSameAs(seen.get(0));
      assertThat(seen.get(i + 1)).isSameAs(seen.get(1));
    }
  }

  private List<String> parse(String body) throws ExpositionParseException {
    RecordingVisitor visitor = new RecordingVisitor();
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    parser.parse(b, 0, b.length, visitor);
    return visitor.events;
  }

  private ExpositionParseException parseError(String body) {
    return catchThrowableOfType(ExpositionParseException.class, () -> parse(body));
  }

  private static byte[] concat(String head, byte[] middle, String tail) {
    byte[] h = head.getBytes(StandardCharsets.UTF_8);
    byte[] t = tail.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[h.length + middle.length + t.length];
    System.arraycopy(h, 0, all, 0, h.length);
    System.arraycopy(middle, 0, all, h.length, middle.length);
    System.arraycopy(t, 0, all, h.length + middle.length, t.length);
    return all;
  }
}
