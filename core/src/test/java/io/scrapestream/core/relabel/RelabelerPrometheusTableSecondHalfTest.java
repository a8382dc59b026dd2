package io.scrapestream.core.relabel;

import static io.scrapestream.core.relabel.RelabelAction.DROPEQUAL;
import static io.scrapestream.core.relabel.RelabelAction.KEEP;
import static io.scrapestream.core.relabel.RelabelAction.KEEPEQUAL;
import static io.scrapestream.core.relabel.RelabelAction.LABELDROP;
import static io.scrapestream.core.relabel.RelabelAction.LABELKEEP;
import static io.scrapestream.core.relabel.RelabelAction.LABELMAP;
import static io.scrapestream.core.relabel.RelabelAction.LOWERCASE;
import static io.scrapestream.core.relabel.RelabelAction.REPLACE;
import static io.scrapestream.core.relabel.RelabelAction.UPPERCASE;
import static io.scrapestream.core.relabel.RelabelerPrometheusTableTest.kept;
import static io.scrapestream.core.relabel.RelabelerPrometheusTableTest.labels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The second half of Prometheus's {@code TestRelabel} table (see {@link
 * RelabelerPrometheusTableTest}).
 */
class RelabelerPrometheusTableSecondHalfTest {
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
            "labelmap with a prefix",
            labels("a", "foo", "b1", "bar", "b2", "baz"),
            rules(rule(LABELMAP).regex("(b.*)").replacement("bar_${1}")),
            kept("a", "foo", "b1", "bar", "b2", "baz", "bar_b1", "bar", "bar_b2", "baz")),
        arguments(
            "labelmap of meta labels",
            labels(
                "a", "foo", "__meta_my_bar", "aaa", "__meta_my_baz", "bbb", "__meta_other", "ccc"),
            rules(rule(LABELMAP).regex("__meta_(my.*)").replacement("${1}")),
            kept(
                "a",
                "foo",
                "__meta_my_bar",
                "aaa",
                "__meta_my_baz",
                "bbb",
                "__meta_other",
                "ccc",
                "my_bar",
                "aaa",
                "my_baz",
                "bbb")),
        arguments(
            "target label from a group",
            labels("a", "some-name-value"),
            rules(
                rule(REPLACE)
                    .source("a")
                    .regex("some-([^-]+)-([^,]+)")
                    .replacement("${2}")
                    .target("${1}")),
            kept("a", "some-name-value", "name", "value")),
        arguments(
            "replacement from a missing group",
            labels("a", "some-name-value"),
            rules(
                rule(REPLACE)
                    .source("a")
                    .regex("some-([^-]+)-([^,]+)")
                    .replacement("${3}")
                    .target("${1}")),
            kept("a", "some-name-value")),
        arguments(
            "target labels from missing groups",
            labels("a", "some-name-0"),
            rules(
                rule(REPLACE)
                    .source("a")
                    .regex("some-([^-]+)-([^,]+)")
                    .replacement("${1}")
                    .target("${3}"),
                rule(REPLACE)
                    .source("a")
                    .regex("some-([^-]+)-([^,]+)")
                    .replacement("${1}")
                    .target("${3}"),
                rule(REPLACE)
                    .source("a")
                    .regex("some-([^-]+)(-[^,]+)")
                    .replacement("${1}")
                    .target("${3}")),
            kept("a", "some-name-0")),
        arguments(
            "service discovery tags",
            labels("__meta_sd_tags", "path:/secret,job:some-job,label:foo=bar"),
            rules(
                rule(REPLACE)
                    .source("__meta_sd_tags")
                    .regex("(?:.+,|^)path:(/[^,]+).*")
                    .replacement("${1}")
                    .target("__metrics_path__"),
                rule(REPLACE)
                    .source("__meta_sd_tags")
                    .regex("(?:.+,|^)job:([^,]+).*")
                    .replacement("${1}")
                    .target("job"),
                rule(REPLACE)
                    .source("__meta_sd_tags")
                    .regex("(?:.+,|^)label:([^=]+)=([^,]+).*")
                    .replacement("${2}")
                    .target("${1}")),
            kept(
                "__meta_sd_tags",
                "path:/secret,job:some-job,label:foo=bar",
                "__metrics_path__",
                "/secret",
                "job",
                "some-job",
                "foo",
                "bar")),
        arguments(
            "prometheus issue 12283: a dropped label set again",
            labels(
                "__meta_kubernetes_pod_container_port_name", "foo",
                "__meta_kubernetes_pod_annotation_XXX_metrics_port", "9091"),
            rules(
                rule(LABELDROP).regex("^__meta_kubernetes_pod_container_port_name$"),
                rule(REPLACE)
                    .source("__meta_kubernetes_pod_annotation_XXX_metrics_port")
                    .regex("(.+)")
                    .replacement("metrics")
                    .target("__meta_kubernetes_pod_container_port_name"),
                rule(KEEP).source("__meta_kubernetes_pod_container_port_name").regex("^metrics$")),
            kept(
                "__meta_kubernetes_pod_annotation_XXX_metrics_port", "9091",
                "__meta_kubernetes_pod_container_port_name", "metrics")),
        arguments(
            "labelkeep",
            labels("a", "foo", "b1", "bar", "b2", "baz"),
            rules(rule(LABELKEEP).regex("(b.*)")),
            kept("b1", "bar", "b2", "baz")),
        arguments(
            "labeldrop",
            labels("a", "foo", "b1", "bar", "b2", "baz"),
            rules(rule(LABELDROP).regex("(b.*)")),
            kept("a", "foo")),
        arguments(
            "uppercase and lowercase",
            labels("foo", "bAr123Foo"),
            rules(
                rule(UPPERCASE).source("foo").target("foo_uppercase"),
                rule(LOWERCASE).source("foo").target("foo_lowercase")),
            kept("foo", "bAr123Foo", "foo_lowercase", "bar123foo", "foo_uppercase", "BAR123FOO")),
        arguments(
            "keepequal on equal values",
            labels("__tmp_port", "1234", "__port1", "1234", "__port2", "5678"),
            rules(rule(KEEPEQUAL).source("__tmp_port").target("__port1")),
            kept("__tmp_port", "1234", "__port1", "1234", "__port2", "5678")),
        arguments(
            "dropequal on equal values",
            labels("__tmp_port", "1234", "__port1", "1234", "__port2", "5678"),
            rules(rule(DROPEQUAL).source("__tmp_port").target("__port1")),
            DROPPED),
        arguments(
            "dropequal on different values",
            labels("__tmp_port", "1234", "__port1", "1234", "__port2", "5678"),
            rules(rule(DROPEQUAL).source("__tmp_port").target("__port2")),
            kept("__tmp_port", "1234", "__port1", "1234", "__port2", "5678")),
        arguments(
            "keepequal on different values",
            labels("__tmp_port", "1234", "__port1", "1234", "__port2", "5678"),
            rules(rule(KEEPEQUAL).source("__tmp_port").target("__port2")),
            DROPPED),
        arguments(
            "dot matches a newline",
            labels("a", "line1\nline2", "b", "bar", "c", "baz"),
            rules(
                rule(REPLACE)
                    .source("a")
                    .regex("line1.*line2")
                    .target("d")
                    .replacement("match${1}")),
            kept("a", "line1\nline2", "b", "bar", "c", "baz", "d", "match")),
        arguments(
            "named groups in every reference style",
            labels("a", "line1\nline2", "b", "bar", "c", "baz"),
            rules(
                rule(REPLACE)
                    .source("a")
                    .regex("(line1).*(?<second>line2)")
                    .target("label1_${1}")
                    .replacement("val_${second}"),
                rule(REPLACE)
                    .source("a")
                    .regex("(line1).*(?<second>line2)")
                    .target("label2_$1")
                    .replacement("val_$second")),
            kept(
                "a",
                "line1\nline2",
                "b",
                "bar",
                "c",
                "baz",
                "label1_line1",
                "val_line2",
                "label2_line1",
                "val_line2")),
        arguments(
            "type from the metric name",
            labels("__name__", "http_requests_total"),
            rules(
                rule(REPLACE)
                    .source("__name__")
                    .regex(".*_total$")
                    .target("__type__")
                    .replacement("counter")),
            kept("__name__", "http_requests_total", "__type__", "counter")),
        arguments(
            "unit from the metric name",
            labels("__name__", "disk_usage_bytes"),
            rules(
                rule(REPLACE)
                    .source("__name__")
                    .regex(".*_bytes$")
                    .target("__unit__")
                    .replacement("bytes")),
            kept("__name__", "disk_usage_bytes", "__unit__", "bytes")));
  }

  private static Rule rule(RelabelAction action) {
    return Rule.of(action);
  }

  private static Rule[] rules(Rule... rules) {
    return rules;
  }
}
