package io.scrapestream.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.scrapestream.core.config.LabelSelector.Operator;
import io.scrapestream.core.config.LabelSelector.Requirement;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelSelectorTest {
  private static final Map<String, String> LABELS =
      Map.of("app", "web", "tier", "front", "version", "7", "example.com/team", "a");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''|true",
        "app=web|true",
        "app==web|true",
        "app=api|false",
        "app!=api|true",
        "app!=web|false",
        "missing!=x|true",
        "tier in (front, back)|true",
        "tier in (back)|false",
        "tier notin (back)|true",
        "missing notin (back)|true",
        "tier notin (front)|false",
        "app|true",
        "missing|false",
        "!missing|true",
        "!app|false",
        "version>6|true",
        "version>7|false",
        "version<8|true",
        "app>1|false",
        "missing<8|false",
        "example.com/team=a|true",
        "app=web,tier=back|false",
        " app = web , !canary |true",
        "app in (web,)|true",
        "app=|false"
      })
  void shouldMatchLikeKubernetesWhenSelectorIsValid(String selector, boolean expected) {
    assertThat(LabelSelector.parse(selector).matches(LABELS)).isEqualTo(expected);
  }

  @Test
  void shouldMatchEmptyValueWhenValueIsOmitted() {
    assertThat(LabelSelector.parse("app=").matches(Map.of("app", ""))).isTrue();
  }

  @Test
  void shouldKeepRequirementsInOrderWhenParsed() {
    assertThat(LabelSelector.parse("a in (x,y),!b,c").requirements())
        .containsExactly(
            new Requirement("a", Operator.IN, Set.of("x", "y")),
            new Requirement("b", Operator.DOES_NOT_EXIST, Set.of()),
            new Requirement("c", Operator.EXISTS, Set.of()));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a=b=c|expected \",\" or the end, found \"=\" at position 3 in \"a=b=c\"",
        "!a=b|expected \",\" or the end, found \"=\" at position 2 in \"!a=b\"",
        "a in b|expected \"(\" after the operator of \"a\", found \"b\" at position 5 in \"a in b\"",
        "a in ()|expected at least one value in \"in\" or \"notin\", found \")\" at position 6"
            + " in \"a in ()\"",
        "a in (b|expected \",\" or \")\" in a value list, found the end in \"a in (b\"",
        "a,|expected a key or \"!\", found the end in \"a,\"",
        "!|expected a key after \"!\", found the end in \"!\"",
        "a foo b|expected one of =, ==, !=, in, notin, >, < after \"a\", found \"foo\" at"
            + " position 2 in \"a foo b\"",
        "a>b|expected an integer value after \">\", found \">\" at position 1 in \"a>b\"",
        "-a=b|expected a key of at most 63 characters [A-Za-z0-9._-], starting and ending"
            + " alphanumeric, with an optional DNS subdomain prefix and \"/\", found \"-a\" at"
            + " position 0 in \"-a=b\"",
        "a=b_|expected a value of at most 63 characters [A-Za-z0-9._-], starting and ending"
            + " alphanumeric, found \"b_\" at position 2 in \"a=b_\""
      })
  void shouldRejectSelectorWhenGrammarIsBroken(String selector, String message) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> LabelSelector.parse(selector))
        .withMessage(message);
  }

  @Test
  void shouldMatchEverythingWhenEmpty() {
    assertThat(LabelSelector.everything().matches(Map.of())).isTrue();
    assertThat(LabelSelector.parse("  ").isEmpty()).isTrue();
  }
}
