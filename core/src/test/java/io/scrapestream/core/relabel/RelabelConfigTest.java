package io.scrapestream.core.relabel;

import static io.scrapestream.core.relabel.RelabelAction.DROPEQUAL;
import static io.scrapestream.core.relabel.RelabelAction.HASHMOD;
import static io.scrapestream.core.relabel.RelabelAction.KEEP;
import static io.scrapestream.core.relabel.RelabelAction.KEEPEQUAL;
import static io.scrapestream.core.relabel.RelabelAction.LABELDROP;
import static io.scrapestream.core.relabel.RelabelAction.LABELKEEP;
import static io.scrapestream.core.relabel.RelabelAction.LABELMAP;
import static io.scrapestream.core.relabel.RelabelAction.LOWERCASE;
import static io.scrapestream.core.relabel.RelabelAction.REPLACE;
import static io.scrapestream.core.relabel.RelabelAction.UPPERCASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules of Prometheus's {@code Config.Validate}, including its {@code TestRelabelValidate}. */
class RelabelConfigTest {
  private static final String NAME = "must be a valid label name matching [a-zA-Z_][a-zA-Z0-9_]*";
  private static final String TEMPLATE =
      "must be a valid label name matching [a-zA-Z_][a-zA-Z0-9_]*, in which $1, ${1}, $name or"
          + " ${name} may stand for letters, digits and underscores";

  @ParameterizedTest(name = "{1}")
  @MethodSource("invalidConfigs")
  void shouldNameFieldAndValueWhenPrometheusWouldRefuseTheConfig(Rule rule, String message) {
    InvalidRelabelConfigException e =
        catchThrowableOfType(InvalidRelabelConfigException.class, rule::build);

    assertThat(e).hasMessage(message);
    assertThat(e.field() + ": " + e.expectation() + ". Found: " + e.found()).isEqualTo(message);
  }

  static Stream<Arguments> invalidConfigs() {
    return Stream.of(
        arguments(Rule.of(REPLACE), "target_label: must be set for action replace. Found: \"\""),
        arguments(
            Rule.of(LOWERCASE), "target_label: must be set for action lowercase. Found: \"\""),
        arguments(
            Rule.of(LOWERCASE).target("${3}"),
            "target_label: " + NAME + " for action lowercase. Found: \"${3}\""),
        arguments(
            Rule.of(REPLACE)
                .source("a")
                .regex("some-([^-]+)-([^,]+)")
                .replacement("${1}")
                .target("0${3}"),
            "target_label: " + TEMPLATE + " for action replace. Found: \"0${3}\""),
        arguments(
            Rule.of(REPLACE)
                .source("a")
                .regex("some-([^-]+)-([^,]+)")
                .replacement("${1}")
                .target("-${3}"),
            "target_label: " + TEMPLATE + " for action replace. Found: \"-${3}\""),
        arguments(
            Rule.of(REPLACE).target("utf-8.label"),
            "target_label: " + NAME + " for action replace. Found: \"utf-8.label\""),
        arguments(
            Rule.of(REPLACE).source("utf-8.label").target("d"),
            "source_labels: must hold only valid label names matching [a-zA-Z_][a-zA-Z0-9_]*."
                + " Found: \"utf-8.label\""),
        arguments(
            Rule.of(HASHMOD).target("a"),
            "modulus: must be greater than 0 for action hashmod. Found: 0"),
        arguments(
            Rule.of(HASHMOD).modulus(2),
            "target_label: must be set for action hashmod. Found: \"\""),
        arguments(
            Rule.of(HASHMOD).modulus(2).target("${1}"),
            "target_label: " + NAME + " for action hashmod. Found: \"${1}\""),
        arguments(
            Rule.of(UPPERCASE).target("a").replacement("x"),
            "replacement: must not be set for action uppercase. Found: \"x\""),
        arguments(
            Rule.of(KEEPEQUAL).target("a").replacement(""),
            "replacement: must not be set for action keepequal. Found: \"\""),
        arguments(
            Rule.of(LABELMAP).replacement("x-$1"),
            "replacement: " + TEMPLATE + " for action labelmap. Found: \"x-$1\""),
        arguments(
            Rule.of(KEEPEQUAL).target("a").regex("(.*)"),
            "regex: must not be set for action keepequal, which takes only source_labels and"
                + " target_label. Found: \"(.*)\""),
        arguments(
            Rule.of(DROPEQUAL).target("a").separator(","),
            "separator: must not be set for action dropequal, which takes only source_labels and"
                + " target_label. Found: \",\""),
        arguments(
            Rule.of(DROPEQUAL).target("a").modulus(-1),
            "modulus: must not be set for action dropequal, which takes only source_labels and"
                + " target_label. Found: 18446744073709551615"),
        arguments(
            Rule.of(LABELDROP).source("a", "b"),
            "source_labels: must not be set for action labeldrop, which takes only regex. Found:"
                + " [\"a\", \"b\"]"),
        arguments(
            Rule.of(LABELKEEP).target("a"),
            "target_label: must not be set for action labelkeep, which takes only regex. Found:"
                + " \"a\""),
        arguments(
            Rule.of(LABELKEEP).replacement("a\tb"),
            "replacement: must not be set for action labelkeep, which takes only regex. Found:"
                + " \"a\\tb\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validConfigs")
  void shouldAcceptConfigWhenPrometheusAcceptsIt(String name, Rule rule) {
    assertThat(rule.build()).isNotNull();
  }

  static Stream<Arguments> validConfigs() {
    return Stream.of(
        arguments(
            "replace to a template", Rule.of(REPLACE).regex("some-([^-]+)-([^,]+)").target("${3}")),
        arguments(
            "labelmap to $1",
            Rule.of(LABELMAP).regex("__meta_kubernetes_pod_label_(strimzi_io_.+)")),
        arguments("labelmap to ${1}", Rule.of(LABELMAP).regex("__meta_(.+)").replacement("${1}")),
        arguments("keepequal with defaults written", Rule.of(KEEPEQUAL).source("a").target("b")),
        arguments("labeldrop with a regex", Rule.of(LABELDROP).regex("tmp_.*")),
        arguments("keep with everything set", Rule.of(KEEP).source("a").separator(",").modulus(3)),
        arguments("hashmod with the largest modulus", Rule.of(HASHMOD).target("h").modulus(-1)));
  }

  @Test
  void shouldHoldPrometheusDefaultsWhenOnlyActionAndTargetAreGiven() {
    RelabelConfig config = Rule.of(REPLACE).target("t").build();

    assertThat(config.sourceLabels()).isEmpty();
    assertThat(config.separator()).isEqualTo(";");
    assertThat(config.regex()).isSameAs(RelabelRegex.DEFAULT);
    assertThat(config.regex().expression()).isEqualTo("(.*)");
    assertThat(config.modulus()).isZero();
    assertThat(config.replacement()).isEqualTo("$1");
  }

  @Test
  void shouldNameComponentWhenAValueIsNull() {
    assertThatNullPointerException()
        .isThrownBy(
            () -> new RelabelConfig(List.of(), null, RelabelRegex.DEFAULT, 0, "", "$1", KEEP))
        .withMessage("separator");
  }

  @Test
  void shouldCopySourceLabelsWhenBuilt() {
    List<String> names = new java.util.ArrayList<>(List.of("a"));
    RelabelConfig config = new RelabelConfig(names, ";", RelabelRegex.DEFAULT, 0, "", "$1", KEEP);
    names.add("b");

    assertThat(config.sourceLabels()).containsExactly("a");
  }
}
