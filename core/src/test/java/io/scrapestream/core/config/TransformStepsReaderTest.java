package io.scrapestream.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scrapestream.core.relabel.RelabelAction;
import io.scrapestream.core.relabel.RelabelRegex;
import io.scrapestream.core.transform.Aggregate;
import io.scrapestream.core.transform.AggregateOp;
import io.scrapestream.core.transform.MetricScope;
import io.scrapestream.core.transform.SeriesLimit;
import io.scrapestream.core.transform.SeriesMatcher;
import io.scrapestream.core.transform.TransformStep;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransformStepsReaderTest {
  private static final String BACKEND = "backends:\n- name: vm\n  file: {path: /tmp/out}\n";

  @Test
  void shouldReadEveryStepKindInOrderWhenTransformsAreValid() throws Exception {
    List<TransformStep> steps =
        transforms(
            "  - keep: {metrics: ['http_.*'], labels: {env: prod}}\n"
                + "  - drop: {labels: {code: '5..'}}\n"
                + "  - add_label: {name: container_phase, value: waiting}\n"
                + "    metrics: [kube_pod_container_status_waiting]\n"
                + "  - rename_metric: {regex: 'kube_(.*)_waiting', replacement: 'kube_${1}_phase'}\n"
                + "  - update_label: {name: env, value: production}\n"
                + "  - delete_label: {name: pod}\n"
                + "  - rename_label: {from: host, to: node}\n"
                + "  - relabel: [{source_labels: [a], target_label: b}]\n"
                + "  - aggregate: {metrics: [system_cpu_utilization], keep_labels: [state], op: mean}\n"
                + "  - convert_unit: {metric: '.*_ms', factor: 0.001,"
                + " rename: {regex: '(.*)_ms', replacement: '${1}_seconds'}}\n"
                + "  - series_limit: 100\n");

    MetricScope waiting = new MetricScope(List.of(re("kube_pod_container_status_waiting")));
    assertThat(steps)
        .hasSize(11)
        .startsWith(
            new TransformStep.Keep(
                MetricScope.ALL,
                new SeriesMatcher(List.of(re("http_.*")), Map.of("env", re("prod")))),
            new TransformStep.Drop(
                MetricScope.ALL, new SeriesMatcher(List.of(), Map.of("code", re("5..")))),
            new TransformStep.AddLabel(waiting, "container_phase", "waiting"),
            new TransformStep.RenameMetric(
                MetricScope.ALL, re("kube_(.*)_waiting"), "kube_${1}_phase"),
            new TransformStep.UpdateLabel(MetricScope.ALL, "env", "production"),
            new TransformStep.DeleteLabel(MetricScope.ALL, "pod"),
            new TransformStep.RenameLabel(MetricScope.ALL, "host", "node"));
    TransformStep.Relabel relabel = (TransformStep.Relabel) steps.get(7);
    assertThat(relabel.relabeler().configs()).hasSize(1);
    assertThat(relabel.relabeler().configs().get(0).action()).isEqualTo(RelabelAction.REPLACE);
    assertThat(relabel.relabeler().configs().get(0).targetLabel()).isEqualTo("b");
    assertThat(steps.subList(8, 11))
        .containsExactly(
            new Aggregate(
                MetricScope.ALL,
                List.of(re("system_cpu_utilization")),
                List.of("state"),
                AggregateOp.MEAN),
            new TransformStep.ConvertUnit(
                MetricScope.ALL,
                re(".*_ms"),
                0.001,
                Optional.of(
                    new TransformStep.RenameMetric(
                        MetricScope.ALL, re("(.*)_ms"), "${1}_seconds"))),
            new SeriesLimit(MetricScope.ALL, 100));
  }

  @Test
  void shouldHaveNoTransformsWhenKeyIsAbsent() throws Exception {
    ScrapestreamConfig config = ConfigLoader.load(BACKEND, "test.yaml", Map.of(), () -> "h");

    assertThat(config.backends().get(0).transforms()).isEmpty();
  }

  @Test
  void shouldReportEveryProblemWithItsPathWhenStepsAreWrong() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                transforms(
                    "  - keep: {}\n"
                        + "  - drop: {metrics: ['(']}\n"
                        + "  - add_label: {name: 1bad}\n"
                        + "  - {rename_metric: {regex: a}, delete_label: {name: x}}\n"
                        + "  - aggregate: {metrics: [], op: median}\n"
                        + "  - convert_unit: {metric: a, factor: zero, extra: 1}\n"
                        + "  - series_limit: 0\n"
                        + "  - frobnicate: {}\n"
                        + "  - keep: {metrics: [], labels: {}}\n"));

    assertThat(e.problems())
        .containsExactly(
            "backends[0].transforms[0].keep: must name at least one metric regex or label. Found:"
                + " neither",
            "backends[0].transforms[1].drop.metrics[0]: must be an RE2 regular expression"
                + " (error parsing regexp: missing closing ): `^(?s:()$`). Found: \"(\"",
            "backends[0].transforms[2].add_label.name: must match [a-zA-Z_][a-zA-Z0-9_]* and not"
                + " start with \"__\". Found: \"1bad\"",
            "backends[0].transforms[2].add_label.value: must be set. Found: nothing",
            "backends[0].transforms[3].rename_metric.replacement: must be set. Found: nothing",
            "backends[0].transforms[3]: must have exactly one of keep, drop, rename_metric,"
                + " add_label, update_label, delete_label, rename_label, relabel, aggregate,"
                + " convert_unit, series_limit. Found: rename_metric, delete_label",
            "backends[0].transforms[4].aggregate.op: must be one of: sum, mean, min, max, count."
                + " Found: \"median\"",
            "backends[0].transforms[4].aggregate.metrics: must name at least one regex. Found: []",
            "backends[0].transforms[5].convert_unit.factor: must be a finite number other than 0."
                + " Found: \"zero\"",
            "backends[0].transforms[5].convert_unit.extra: unknown key. Expected one of: metric,"
                + " factor, rename",
            "backends[0].transforms[6].series_limit: must be greater than 0. Found: 0",
            "backends[0].transforms[7]: must have exactly one of keep, drop, rename_metric,"
                + " add_label, update_label, delete_label, rename_label, relabel, aggregate,"
                + " convert_unit, series_limit. Found: none",
            "backends[0].transforms[7].frobnicate: unknown key. Expected one of: metrics, keep,"
                + " drop, rename_metric, add_label, update_label, delete_label, rename_label,"
                + " relabel, aggregate, convert_unit, series_limit",
            "backends[0].transforms[8].keep: must name at least one metric regex or label. Found:"
                + " neither");
  }

  private static List<TransformStep> transforms(String steps) throws ConfigException {
    ScrapestreamConfig config =
        ConfigLoader.load(BACKEND + "  transforms:\n" + steps, "test.yaml", Map.of(), () -> "h");
    return config.backends().get(0).transforms();
  }

  private static RelabelRegex re(String expression) {
    return RelabelRegex.compile(expression);
  }
}
