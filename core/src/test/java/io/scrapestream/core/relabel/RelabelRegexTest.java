package io.scrapestream.core.relabel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RE2 syntax and semantics on java.util.regex. Every refusal below is Go's (checked with promtool,
 * whose Go refuses the same expressions with the same texts), followed by a hint where RE2 lacks a
 * construct Java has.
 */
class RelabelRegexTest {

  @ParameterizedTest(name = "{0} on \"{1}\" -> {2}")
  @CsvSource(
      delimiterString = " | ",
      quoteCharacter = '\'',
      value = {
        "foo | foo | true",
        "foo | xfoo | false",
        "foo | foox | false",
        "f|o | foo | false",
        "f|o | o | true",
        "(.*) | '' | true",
        "'' | '' | true",
        "'' | a | false",
        "a.b | a\\nb | true",
        "(?-s)a.b | a\\nb | false",
        "a | a\\n | false",
        "a$ | a\\n | false",
        "(?m)a$\\n^b | a\\nb | true",
        "(?m)a\\n^ | a\\n | true",
        "\\s | \\013 | false",
        "\\v | \\013 | true",
        "[[:space:]] | \\013 | true",
        "a\\bé | aé | true",
        "\\w | é | false",
        "\\d | ٣ | false",
        "\\pN | ٣ | true",
        "\\p{Greek}+ | αβ | true",
        "\\p{^Greek} | α | false",
        "\\PL | 1 | true",
        "\\pC | \u0378 | false",
        "\\p{Any} | \\n | true",
        "[[:alpha:]]+ | Abc | true",
        "[[:^digit:]] | 5 | false",
        "[a-z&&[^b]]+ | &]] | true",
        "[a-z&&[^b]]+ | a | false",
        "[[] | [ | true",
        "[]a]+ | ]a | true",
        "[^]a] | b | true",
        "[a-] | - | true",
        "[\\d-z] | - | true",
        "[^a] | \\n | true",
        "x{,2} | x{,2} | true",
        "a{ | a{ | true",
        "a{1,2 | a{1,2 | true",
        "\\Q.*\\E | .* | true",
        "\\Q.*\\E. | .*x | true",
        "\\101\\12 | A\\n | true",
        "\\0 | \\000 | true",
        "\\x41\\x{1F600} | A😀 | true",
        "\\a\\f\\t\\r | \\007\\014\\t\\r | true",
        "\\_\\-\\] | _-] | true",
        "(?i)straße | STRASSE | false",
        "(?i)é | É | true",
        "(?i)k | \u212a | true",
        "a(?i)b|c | C | true",
        "(?i:a)b | aB | false",
        "(?i)[[:upper:]]+ | abc | true",
        "(?i)[^k] | K | false",
        "\\Aab\\z | ab | true",
        "a\\Bb | ab | true",
        "^*a$+ | a | true",
        "a*(?i)* | aaa | true",
        "(?) | '' | true",
        "a)|(b | xb | true",
        "a)|(b | ax | true",
      })
  void shouldMatchAsRe2WhenExpressionIsAnchoredAndTranslated(
      String expression, String value, boolean matches) {
    assertThat(RelabelRegex.compile(expression).matches(unescape(value))).isEqualTo(matches);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void shouldRefuseWithGoMessageWhenRe2WouldNotCompile(String expression, String message) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RelabelRegex.compile(expression))
        .withMessage(message);
  }

  static Stream<Arguments> refusals() throws IOException {
    try (InputStream in = RelabelRegexTest.class.getResourceAsStream("/relabel/re2-refusals.tsv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .filter(line -> !line.startsWith("#"))
              .map(line -> line.split("\t", 2))
              .map(fields -> arguments(fields[0], fields[1]))
              .toList()
              .stream();
    }
  }

  @ParameterizedTest(name = "{0} / {1} on {2} -> {3}")
  @CsvSource(
      delimiterString = " | ",
      quoteCharacter = '\'',
      value = {
        "(f)oo | $1x | foo | ''",
        "(f)oo | ${1}x | foo | fx",
        "(f)oo | $$1-$-${-$ | foo | $1-$-${-$",
        "(f)oo | $0/${0} | foo | foo/foo",
        "(f)oo | $01|$2|$99999999999 | foo | ||",
        "(?P<k>[a-z]+)=(?P<v>.*) | $v/${v}/${k} | key=val | val/val/key",
        "(?<k>a)(?P<my_name>b) | ${k}${my_name}$my_name | ab | abb",
        "(?P<1x>a)(bc) | [$1x][${2}] | abc | [a][bc]",
        "(x)y | [$é][${1}] | xy | [][x]",
        "(?P<n>a)|(?P<n>b) | [$n] | b | [b]",
        "(a)|(b) | [$1][$2] | b | [][b]",
        "(?U)(a+)(a*) | $1|$2 | aaa | a|aa",
        "(a|ab)(c|bcd)(d*) | $1|$2|$3 | abcd | a|bcd|",
        "(a{2,3}?)(a*) | $1|$2 | aaaa | aa|aa",
      })
  void shouldExpandLikeGoWhenTemplateReferencesGroups(
      String expression, String template, String value, String expanded) {
    RelabelRegex regex = RelabelRegex.compile(expression);

    String result = regex.match(value).map(m -> regex.expand(template, value, m)).orElseThrow();

    assertThat(result).isEqualTo(expanded);
  }

  @ParameterizedTest(name = "{0} on {1} -> {2}")
  @CsvSource(
      delimiterString = " | ",
      value = {
        "(b.*) | b1 | bar_${1} | bar_b1",
        "a)|(b | ab | x | xx",
        ")|( | ab | x | xabx",
        "(a)(b)? | a | ${1}_${2}_z | a__z",
      })
  void shouldReplaceEveryMatchLikeGoWhenReplacingAll(
      String expression, String value, String template, String replaced) {
    assertThat(RelabelRegex.compile(expression).replaceAll(value, template)).isEqualTo(replaced);
  }

  @Test
  void shouldTranslateDefaultToAnchoredDotAllPatternWhenCompiled() {
    assertThat(RelabelRegex.DEFAULT.javaPattern()).isEqualTo("\\A(?:([\\x{0}-\\x{10ffff}]*))\\z");
  }

  @Test
  void shouldKeepJavaFlagsInsideTheirOperandWhenFoldingCase() {
    assertThat(RelabelRegex.compile("a(?i)b*c").javaPattern())
        .isEqualTo("\\A(?:a(?iu:b)*(?iu:c))\\z");
  }

  @Test
  void shouldMergeSingleCharacterAlternativesIntoOneClassWhenTranslating() {
    assertThat(RelabelRegex.compile("(a|b|[c-d]|xy|\\.|e)*").javaPattern())
        .isEqualTo("\\A(?:([[ab][c-d]]|xy|[\\x{2e}e])*)\\z");
    assertThat(RelabelRegex.compile("(a|b|\\.)*").matches("ab.".repeat(100_000))).isTrue();
  }

  @Test
  void shouldThrowIllegalStateNamingRegexWhenJavaRunsOutOfStackOnALongValue() {
    RelabelRegex regex = RelabelRegex.compile("([^,]+,)*x?");
    String value = "ab,".repeat(1_000_000);

    assertThatIllegalStateException()
        .isThrownBy(() -> regex.matches(value))
        .withMessage(
            "regex \"([^,]+,)*x?\" needs more stack than this thread has to match a value of"
                + " 3000000 characters");
  }

  @Test
  void shouldEqualByExpressionWhenCompiledTwice() {
    assertThat(RelabelRegex.compile("a.*")).isEqualTo(RelabelRegex.compile("a.*"));
    assertThat(RelabelRegex.compile("a.*")).hasToString("a.*");
    assertThat(RelabelRegex.compile("(.*)")).isNotSameAs(RelabelRegex.DEFAULT);
  }

  /** CSV cells write control characters as Java escapes: \\n, \\t, \\013. */
  private static String unescape(String cell) {
    return cell.translateEscapes();
  }
}
