package io.scrapestream.core.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.scrapestream.core.relabel.RelabelAction;
import io.scrapestream.core.relabel.RelabelConfig;
import io.scrapestream.core.relabel.RelabelRegex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TransformerTest {
  private static final long STALE = 0x7ff0000000000002L;
  private static final MetricScope ALL = MetricScope.ALL;

  @Test
  void shouldKeepOnlyMatchingSeriesWhenKeepNamesMetricsAndLabels() {
    TransformResult result =
        run(
            new TransformStep.Keep(
                ALL, new SeriesMatcher(List.of(re("http_.*")), Map.of("env", re("prod")))),
            s("http_requests_total", 1, "env", "prod"),
            s("http_requests_total", 2, "env", "dev"),
            s("go_goroutines", 3, "env", "prod"));

    assertThat(lines(result)).containsExactly("http_requests_total{env=\"prod\"} 1.0");
    assertThat(result.dropped()).isEqualTo(2);
  }

  @Test
  void shouldDropSeriesWithoutLabelWhenDropMatchesEmptyValue() {
    TransformResult result =
        run(
            new TransformStep.Drop(ALL, new SeriesMatcher(List.of(), Map.of("code", re("5..|")))),
            s("req", 1, "code", "200"),
            s("req", 2, "code", "503"),
            s("req", 3));

    assertThat(lines(result)).containsExactly("req{code=\"200\"} 1.0");
    assertThat(result.dropped()).isEqualTo(2);
  }

  @Test
  void shouldRenameWithGroupsWhenRegexMatchesWholeName() {
    TransformResult result =
        run(
            new TransformStep.RenameMetric(ALL, re("node_(.*)_bytes"), "host_${1}_bytes"),
            s("node_memory_bytes", 1),
            s("node_memory_bytes_total", 2));

    assertThat(lines(result))
        .containsExactly("host_memory_bytes{} 1.0", "node_memory_bytes_total{} 2.0");
  }

  @Test
  void shouldChangeLabelsOnlyInScopeWhenLabelStepsHaveMetrics() {
    MetricScope up = new MetricScope(List.of(re("up")));
    TransformResult result =
        new Transformer(
                List.of(
                    new TransformStep.AddLabel(up, "team", "a"),
                    new TransformStep.UpdateLabel(ALL, "env", "production"),
                    new TransformStep.DeleteLabel(ALL, "pod"),
                    new TransformStep.RenameLabel(ALL, "host", "node")))
            .apply(
                list(
                    s("up", 1, "env", "prod", "host", "h1", "pod", "p"),
                    s("mem", 2, "host", "h2", "team", "b")));

    assertThat(lines(result))
        .containsExactly(
            "up{env=\"production\",node=\"h1\",team=\"a\"} 1.0", "mem{node=\"h2\",team=\"b\"} 2.0");
  }

  @Test
  void shouldApplyPrometheusRulesWhenStepIsRelabel() {
    RelabelConfig drop =
        new RelabelConfig(List.of("__name__"), ";", re("go_.*"), 0, "", "$1", RelabelAction.DROP);
    RelabelConfig copy =
        new RelabelConfig(
            List.of("job"), ";", re("(.*)"), 0, "service", "svc-$1", RelabelAction.REPLACE);
    TransformResult result =
        run(
            TransformStep.Relabel.of(ALL, List.of(drop, copy)),
            s("go_goroutines", 1, "job", "api"),
            s("up", 1, "job", "api"));

    assertThat(lines(result)).containsExactly("up{job=\"api\",service=\"svc-api\"} 1.0");
    assertThat(result.dropped()).isEqualTo(1);
  }

  @Test
  void shouldCombineGroupsWhenAggregateOpsRun() {
    List<String> results = new ArrayList<>();
    for (AggregateOp op : AggregateOp.values()) {
      results.addAll(
          lines(
              run(
                  new Aggregate(ALL, List.of(re("cpu")), List.of("mode"), op),
                  s("cpu", 1, "cpu", "0", "mode", "idle"),
                  s("other", 9),
                  s("cpu", 4, "cpu", "1", "mode", "idle"),
                  s("cpu", 2, "cpu", "0", "mode", "user"))));
    }

    assertThat(results)
        .containsExactly(
            "cpu{mode=\"idle\"} 5.0",
            "other{} 9.0",
            "cpu{mode=\"user\"} 2.0",
            "cpu{mode=\"idle\"} 2.5",
            "other{} 9.0",
            "cpu{mode=\"user\"} 2.0",
            "cpu{mode=\"idle\"} 1.0",
            "other{} 9.0",
            "cpu{mode=\"user\"} 2.0",
            "cpu{mode=\"idle\"} 4.0",
            "other{} 9.0",
            "cpu{mode=\"user\"} 2.0",
            "cpu{mode=\"idle\"} 2.0",
            "other{} 9.0",
            "cpu{mode=\"user\"} 1.0");
  }

  @Test
  void shouldSkipStaleMarkersAndHandleNanWhenAggregating() {
    TransformSeries[] input = {
      s("m", 3, "k", "a"),
      bits("m", STALE, "k", "a"),
      s("m", Double.NaN, "k", "a"),
      bits("m", STALE, "k", "b"),
      s("m", 5, "k", "c"),
      s("m", Double.NaN, "k", "c")
    };
    List<String> bits = new ArrayList<>();
    for (AggregateOp op : AggregateOp.values()) {
      TransformResult result =
          run(new Aggregate(ALL, List.of(re("m")), List.of("k"), op), copy(input));
      result.series().forEach(x -> bits.add(op.yamlName() + " " + Long.toHexString(x.valueBits())));
    }

    String nan = Long.toHexString(Double.doubleToRawLongBits(Double.NaN));
    String stale = Long.toHexString(STALE);
    assertThat(bits)
        .containsExactly(
            "sum " + nan,
            "sum " + stale,
            "sum " + nan,
            "mean " + nan,
            "mean " + stale,
            "mean " + nan,
            "min " + hex(3),
            "min " + stale,
            "min " + hex(5),
            "max " + hex(3),
            "max " + stale,
            "max " + hex(5),
            "count " + hex(2),
            "count " + stale,
            "count " + hex(2));
  }

  @Test
  void shouldScaleAndRenameButLeaveStaleMarkersWhenConvertingUnits() {
    TransformResult result =
        run(
            new TransformStep.ConvertUnit(
                ALL,
                re(".*_ms"),
                0.001,
                Optional.of(new TransformStep.RenameMetric(ALL, re("(.*)_ms"), "${1}_seconds"))),
            s("latency_ms", 250),
            bits("latency_ms", STALE, "a", "b"),
            s("count", 7));

    assertThat(result.series().get(0).valueBits()).isEqualTo(Double.doubleToRawLongBits(0.25));
    assertThat(lines(result))
        .containsExactly("latency_seconds{} 0.25", "latency_seconds{a=\"b\"} stale", "count{} 7.0");
  }

  @Test
  void shouldKeepFirstSeriesAndCountRestWhenOverSeriesLimit() {
    TransformResult result =
        run(
            new SeriesLimit(new MetricScope(List.of(re("a"))), 2),
            s("a", 1),
            s("b", 2),
            s("a", 3),
            s("a", 4));

    assertThat(lines(result)).containsExactly("a{} 1.0", "b{} 2.0", "a{} 3.0");
    assertThat(result.limited()).isEqualTo(1);
    assertThat(result.dropped()).isZero();
  }

  @Test
  void shouldMatchOtelMetricsTransformWhenWaitingIsRenamedToPhase() {
    TransformResult result =
        new Transformer(
                List.of(
                    new TransformStep.AddLabel(
                        new MetricScope(List.of(re("kube_pod_container_status_waiting"))),
                        "container_phase",
                        "waiting"),
                    new TransformStep.RenameMetric(
                        ALL,
                        re("kube_pod_container_status_waiting"),
                        "kube_pod_container_status_phase")))
            .apply(
                list(
                    s("kube_pod_container_status_waiting", 1, "container", "app"),
                    s("kube_pod_container_status_running", 0, "container", "app")));

    assertThat(lines(result))
        .containsExactly(
            "kube_pod_container_status_phase{container=\"app\",container_phase=\"waiting\"} 1.0",
            "kube_pod_container_status_running{container=\"app\"} 0.0");
  }

  @Test
  void shouldAverageCpusPerStateWhenSystemCpuUtilizationIsAggregated() {
    TransformResult result =
        run(
            new Aggregate(
                ALL, List.of(re("system_cpu_utilization")), List.of("state"), AggregateOp.MEAN),
            s("system_cpu_utilization", 0.75, "cpu", "cpu0", "state", "idle"),
            s("system_cpu_utilization", 0.5, "cpu", "cpu1", "state", "idle"),
            s("system_cpu_utilization", 0.25, "cpu", "cpu0", "state", "user"),
            s("system_cpu_utilization", 0.125, "cpu", "cpu1", "state", "user"));

    assertThat(lines(result))
        .containsExactly(
            "system_cpu_utilization{state=\"idle\"} 0.625",
            "system_cpu_utilization{state=\"user\"} 0.1875");
  }

  @Test
  void shouldThrowWhenRenameMakesEmptyName() {
    Throwable e =
        catchThrowable(() -> run(new TransformStep.RenameMetric(ALL, re("old"), ""), s("old", 1)));

    assertThat(e)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "rename_metric must not turn a metric name into the empty string. Found: old renamed"
                + " to \"\"");
  }

  private static TransformResult run(TransformStep step, TransformSeries... series) {
    return new Transformer(List.of(step)).apply(list(series));
  }

  private static List<TransformSeries> list(TransformSeries... series) {
    return new ArrayList<>(List.of(series));
  }

  private static TransformSeries[] copy(TransformSeries[] series) {
    TransformSeries[] out = new TransformSeries[series.length];
    for (int i = 0; i < series.length; i++) {
      out[i] = new TransformSeries(series[i].labels(), series[i].valueBits(), true, i);
    }
    return out;
  }

  private static TransformSeries s(String name, double value, String... labels) {
    return bits(name, Double.doubleToRawLongBits(value), labels);
  }

  private static TransformSeries bits(String name, long bits, String... labels) {
    TreeMap<String, String> map = new TreeMap<>();
    for (int i = 0; i + 1 < labels.length; i += 2) {
      map.put(labels[i], labels[i + 1]);
    }
    map.put("__name__", name);
    return new TransformSeries(map, bits, true, 0);
  }

  private static String hex(double value) {
    return Long.toHexString(Double.doubleToRawLongBits(value));
  }

  private static List<String> lines(TransformResult result) {
    List<String> lines = new ArrayList<>();
    for (TransformSeries series : result.series()) {
      TreeMap<String, String> labels = new TreeMap<>(series.labels());
      String name = labels.remove("__name__");
      StringBuilder line = new StringBuilder(name).append('{');
      labels.forEach((k, v) -> line.append(k).append("=\"").append(v).append("\","));
      if (!labels.isEmpty()) {
        line.setLength(line.length() - 1);
      }
      long bits = series.valueBits();
      line.append("} ")
          .append(bits == STALE ? "stale" : Double.toString(Double.longBitsToDouble(bits)));
      lines.add(line.toString());
    }
    return lines;
  }

  private static RelabelRegex re(String expression) {
    return RelabelRegex.compile(expression);
  }
}
