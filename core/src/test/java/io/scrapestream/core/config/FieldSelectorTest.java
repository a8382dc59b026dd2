package io.scrapestream.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.scrapestream.core.config.FieldSelector.Term;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldSelectorTest {
  private static final Map<String, String> FIELDS =
      Map.of("metadata.name", "web-0", "spec.nodeName", "n1", "status.phase", "Running");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''|true",
        "spec.nodeName=n1|true",
        "spec.nodeName==n1|true",
        "spec.nodeName=n2|false",
        "spec.nodeName!=n2|true",
        "status.phase!=Running|false",
        "spec.nodeName=n1,status.phase=Running|true",
        "spec.nodeName=n1,status.phase=Failed|false",
        "status.podIP=|true",
        "status.podIP!=|false"
      })
  void shouldMatchLikeTheApiServerWhenSelectorIsValid(String selector, boolean expected) {
    assertThat(FieldSelector.parse(selector).matches(FIELDS)).isEqualTo(expected);
  }

  @Test
  void shouldUnescapeValuesWhenBackslashIsUsed() {
    assertThat(FieldSelector.parse("metadata.name=a\\,b\\=c\\\\d").terms())
        .containsExactly(new Term("metadata.name", true, "a,b=c\\d"));
  }

  @Test
  void shouldListFieldNamesWhenAsked() {
    assertThat(FieldSelector.parse("a=1,b!=2,a=3").fieldNames()).containsExactly("a", "b");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "spec.nodeName|expected field=value, field==value or field!=value, found"
            + " \"spec.nodeName\" in \"spec.nodeName\"",
        "=x|expected a field name before \"=\" in \"=x\"",
        "a=b=c|expected \"=\" in a value to be escaped as \\=, found \"b=c\" in \"a=b=c\"",
        "a=b\\x|expected \\\\, \\, or \\= as escape sequences in a value, found \"b\\x\" in"
            + " \"a=b\\x\""
      })
  void shouldRejectSelectorWhenGrammarIsBroken(String selector, String message) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FieldSelector.parse(selector))
        .withMessage(message);
  }
}
