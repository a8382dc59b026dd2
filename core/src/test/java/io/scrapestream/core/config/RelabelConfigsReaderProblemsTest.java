package io.scrapestream.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scrapestream.core.relabel.RelabelConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every problem Prometheus reports for a relabel config, with its path in the file. */
class RelabelConfigsReaderProblemsTest {
  private static final String ACTIONS =
      "must be one of: replace, keep, drop, keepequal, dropequal, hashmod, labelmap, labeldrop,"
          + " labelkeep, lowercase, uppercase";
  private static final String TEMPLATE =
      "must be a valid label name matching [a-zA-Z_][a-zA-Z0-9_]*, in which $1, ${1}, $name or"
          + " ${name} may stand for letters, digits and underscores";

  private static List<String> problems(String yaml) {
    return catchThrowableOfType(
            ConfigException.class, () -> ConfigLoader.loadRelabelConfigs(yaml, "rules.yaml"))
        .problems();
  }

  private static List<RelabelConfig> load(String yaml) throws ConfigException {
    return ConfigLoader.loadRelabelConfigs(yaml, "rules.yaml");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      value = {
        "-1 => -1",
        "18446744073709551616 => 18446744073709551616",
        "1.5 => 1.5",
        "'\"5\"' => \"5\"",
        "0o17 => \"0o17\""
      })
  void shouldRefuseModulusWhenNotAnUnsigned64BitInteger(String written, String shown) {
    assertThat(problems("- {action: hashmod, target_label: h, modulus: " + written + "}\n"))
        .containsExactly(
            "[0].modulus: must be an integer between 0 and 18446744073709551615. Found: " + shown);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      value = {
        "{action: replace} => [0].target_label: must be set for action replace. Found: \"\"",
        "{action: foo} => [0].action: " + ACTIONS + ". Found: \"foo\"",
        "{action: ''} => [0].action: " + ACTIONS + ". Found: \"\"",
        "{action: } => [0].action: " + ACTIONS + ". Found: null",
        "{target_label: t, regex: '(?=x)'} => [0].regex: must be an RE2 regular expression"
            + " (error parsing regexp: invalid or unsupported Perl syntax: `(?=` (lookahead is"
            + " not supported by RE2)). Found: \"(?=x)\"",
        "{source_labels: [a, a-b], target_label: t} => [0].source_labels[1]: must be a valid"
            + " label name matching [a-zA-Z_][a-zA-Z0-9_]*. Found: \"a-b\"",
        "{target_label: t, unknown: 1} => [0].unknown: unknown key. Expected one of:"
            + " source_labels, separator, regex, modulus, target_label, replacement, action",
        "{target_label: '0${1}'} => [0].target_label: "
            + TEMPLATE
            + " for action replace. Found: \"0${1}\"",
        "{target_label: 1} => [0].target_label: must be a valid label name matching"
            + " [a-zA-Z_][a-zA-Z0-9_]* for action replace. Found: \"1\"",
        "{action: hashmod, target_label: h} => [0].modulus: must be greater than 0 for action"
            + " hashmod. Found: 0",
        "{action: lowercase, target_label: a, replacement: } => [0].replacement: must not be set"
            + " for action lowercase. Found: \"\"",
        "{action: labelmap, replacement: 'x-$1'} => [0].replacement: "
            + TEMPLATE
            + " for action labelmap. Found: \"x-$1\"",
        "{action: keepequal, target_label: a, regex: '(.*)'} => [0].regex: must not be set for"
            + " action keepequal, which takes only source_labels and target_label. Found: \"(.*)\"",
        "{action: keepequal, target_label: a, regex: } => [0].regex: must not be set for action"
            + " keepequal, which takes only source_labels and target_label. Found: \"\"",
        "{action: dropequal, target_label: a, separator: } => [0].separator: must not be set for"
            + " action dropequal, which takes only source_labels and target_label. Found: \"\"",
        "{action: labeldrop, regex: a, source_labels: []} => [0].source_labels: must not be set"
            + " for action labeldrop, which takes only regex. Found: []",
        "{action: labelkeep, regex: a, source_labels: [b]} => [0].source_labels: must not be set"
            + " for action labelkeep, which takes only regex. Found: [\"b\"]",
        "{action: labelkeep, regex: a, modulus: 2} => [0].modulus: must not be set for action"
            + " labelkeep, which takes only regex. Found: 2",
        "a string => [0]: must be a mapping. Found: \"a string\""
      })
  void shouldReportProblemWithItsPathWhenPrometheusWouldRefuseTheRule(String item, String problem) {
    assertThat(problems("- " + item + "\n")).containsExactly(problem);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{action: keepequal, target_label: a, separator: ';', replacement: $1}",
        "{action: labeldrop, regex: a, target_label: }",
        "{action: labeldrop, regex: a, source_labels: }",
        "{action: KEEP}",
        "{action: uppercase, target_label: a, replacement: $1}"
      })
  void shouldAcceptRuleWhenPrometheusAcceptsIt(String item) throws Exception {
    assertThat(load("- " + item + "\n")).hasSize(1);
  }

  @Test
  void shouldReportEveryFieldProblemOfAnItemWhenSeveralAreWrong() {
    assertThat(
            problems(
                "- {source_labels: [\"\"], regex: '[a', action: nope, target_label: t, x: 1}\n"))
        .containsExactly(
            "[0].source_labels[0]: must be a valid label name matching [a-zA-Z_][a-zA-Z0-9_]*."
                + " Found: \"\"",
            "[0].regex: must be an RE2 regular expression (error parsing regexp: missing closing"
                + " ]: `[a)$`). Found: \"[a\"",
            "[0].action: " + ACTIONS + ". Found: \"nope\"",
            "[0].x: unknown key. Expected one of: source_labels, separator, regex, modulus,"
                + " target_label, replacement, action");
  }

  @Test
  void shouldNameScrapeConfigPathWhenRelabelConfigsOfAJobAreWrong() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                ConfigLoader.load(
                    """
                    scrape_configs:
                      - job_name: node
                        relabel_configs:
                          - {target_label: ok}
                          - {action: drop, regex: "a{1001}"}
                        metric_relabel_configs:
                          - {action: foo}
                    """,
                    "test.yaml",
                    Map.of()));

    assertThat(e.problems())
        .containsExactly(
            "scrape_configs[0].relabel_configs[1].regex: must be an RE2 regular expression (error"
                + " parsing regexp: invalid repeat count: `{1001}`). Found: \"a{1001}\"",
            "scrape_configs[0].metric_relabel_configs[0].action: " + ACTIONS + ". Found: \"foo\"");
  }
}
