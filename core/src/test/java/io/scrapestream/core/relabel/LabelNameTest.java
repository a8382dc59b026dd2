package io.scrapestream.core.relabel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelNameTest {

  /** Prometheus's {@code TestTargetLabelLegacyValidity}, plus a few more. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiterString = " | ",
      quoteCharacter = '\'',
      value = {
        "-label | false",
        "label | true",
        "label${1} | true",
        "${1}label | true",
        "${1} | true",
        "${ | false",
        "$ | false",
        "${} | false",
        "foo${ | false",
        "$1 | true",
        "asd$2asd | true",
        "-foo${1}bar- | false",
        "bar.foo${1}bar | false",
        "_${1}_ | true",
        "foo${bar}foo | true",
        "'' | false",
        "0${3} | false",
        "$$ | false",
        "a$ | false",
        "${a}b$1 | true",
        "$a{b} | false",
        "${ab | false",
        "é${1} | false",
      })
  void shouldTellTemplateValidityLikePrometheusWhenNamesAreLegacy(String template, boolean valid) {
    assertThat(LabelName.isValidTemplate(template)).isEqualTo(valid);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiterString = " | ",
      quoteCharacter = '\'',
      value = {
        "a | true",
        "_ | true",
        "__name__ | true",
        "A_1 | true",
        "'' | false",
        "1a | false",
        "a-b | false",
        "a.b | false",
        "é | false",
        "${1} | false",
      })
  void shouldAcceptOnlyLegacyNamesWhenCheckingALabelName(String name, boolean valid) {
    assertThat(LabelName.isValid(name)).isEqualTo(valid);
  }
}
