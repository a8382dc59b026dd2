package io.scrapestream.core.relabel;

import static io.scrapestream.core.relabel.RelabelAction.DROP;
import static io.scrapestream.core.relabel.RelabelAction.HASHMOD;
import static io.scrapestream.core.relabel.RelabelAction.KEEP;
import static io.scrapestream.core.relabel.RelabelAction.REPLACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The table of Prometheus's {@code model/relabel/relabel_test.go} ({@code TestRelabel}), case by
 * case in its order, first half. The cases on UTF-8 label names are left out: legacy names are
 * refused in configuration (see {@code RelabelConfigTest}).
 */
class RelabelerPrometheusTableTest {
  private static final Optional<SortedMap<String, String>> DROPPED = Optional.empty();

  @ParameterizedTest(name = "{0}")
  @MethodSource("prometheusCases")
  void shouldMatchPrometheusWhenApplyingItsTestTable(
      String name,
      Map<String, String> input,
      Rule[] rules,
      Optional<SortedMap<String, String>> out) {
    Relabeler relabeler = new Relabeler(Arrays.stream(rules).map(Rule::build).toList());

    assertThat(relabeler.apply(input)).isEqualTo(out);
  }

  static Stream<Arguments> prometheusCases() {
    return Stream.of(
        arguments(
            "replace with ${1} twice",
            labels("a", "foo", "b", "bar", "c", "baz"),
            rules(
                rule(REPLACE).source("a").regex("f(.*)").target("d").replacement("ch${1}-ch${1}")),
            kept("a", "foo", "b", "bar", "c", "baz", "d", "choo-choo")),
        arguments(
            "replace reading a label set by the previous rule",
            labels("a", "foo", "b", "bar", "c", "baz"),
            rules(
                rule(REPLACE)
                    .source("a", "b")
                    .regex("f(.*);(.*)r")
                    .target("a")
                    .replacement("b${1}${2}m"),
                rule(REPLACE)
                    .source("c", "a")
                    .regex("(b).*b(.*)ba(.*)")
                    .target("d")
                    .replacement("$1$2$2$3")),
            kept("a", "boobam", "b", "bar", "c", "baz", "d", "boooom")),
        arguments(
            "drop before replace",
            labels("a", "foo"),
            rules(
                rule(DROP).source("a").regex(".*o.*"),
                rule(REPLACE).source("a").regex("f(.*)").target("d").replacement("ch$1-ch$1")),
            DROPPED),
        arguments(
            "drop on match",
            labels("a", "foo", "b", "bar"),
            rules(rule(DROP).source("a").regex(".*o.*")),
            DROPPED),
        arguments(
            "replace with a group in the middle",
            labels("a", "abc"),
            rules(rule(REPLACE).source("a").regex(".*(b).*").target("d").replacement("$1")),
            kept("a", "abc", "d", "b")),
        arguments(
            "drop without match",
            labels("a", "foo"),
            rules(rule(DROP).source("a").regex("no-match")),
            kept("a", "foo")),
        arguments(
            "drop anchored: f|o does not match foo",
            labels("a", "foo"),
            rules(rule(DROP).source("a").regex("f|o")),
            kept("a", "foo")),
        arguments(
            "keep without match",
            labels("a", "foo"),
            rules(rule(KEEP).source("a").regex("no-match")),
            DROPPED),
        arguments(
            "keep on match",
            labels("a", "foo"),
            rules(rule(KEEP).source("a").regex("f.*")),
            kept("a", "foo")),
        arguments(
            "replace without match changes nothing",
            labels("a", "boo"),
            rules(rule(REPLACE).source("a").regex("f").target("b").replacement("bar")),
            kept("a", "boo")),
        arguments(
            "blank replacement deletes the target",
            labels("a", "foo", "f", "baz"),
            rules(rule(REPLACE).source("a").regex("(f).*").target("$1").replacement("$2")),
            kept("a", "foo")),
        arguments(
            "hashmod",
            labels("a", "foo", "b", "bar", "c", "baz"),
            rules(rule(HASHMOD).source("c").target("d").modulus(1000)),
            kept("a", "foo", "b", "bar", "c", "baz", "d", "976")),
        arguments(
            "hashmod of a value with a newline",
            labels("a", "foo\nbar"),
            rules(rule(HASHMOD).source("a").target("b").modulus(1000)),
            kept("a", "foo\nbar", "b", "734")));
  }

  private static Rule rule(RelabelAction action) {
    return Rule.of(action);
  }

  private static Rule[] rules(Rule... rules) {
    return rules;
  }

  static Map<String, String> labels(String... namesAndValues) {
    Map<String, String> labels = new TreeMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      labels.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return labels;
  }

  static Optional<SortedMap<String, String>> kept(String... namesAndValues) {
    return Optional.of(new TreeMap<>(labels(namesAndValues)));
  }
}
