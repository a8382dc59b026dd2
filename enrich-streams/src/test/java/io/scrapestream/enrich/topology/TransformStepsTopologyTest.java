package io.scrapestream.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.enrich.Batches;
import io.scrapestream.schemas.v1.ScrapeBatch;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each step kind through the topology: exact series (labels and values) on {@code out.vm}. */
class TransformStepsTopologyTest {
  @TempDir Path stateDir;

  @Test
  void shouldKeepMatchingSeriesWhenStepIsKeep() throws Exception {
    assertThat(run("- keep: {metrics: ['http_.*'], labels: {code: '2..'}}"))
        .containsExactly(
            "http_requests_total{code=\"200\",instance=\"10.0.0.1:9100\",job=\"node\"} 7");
  }

  @Test
  void shouldRemoveMatchingSeriesWhenStepIsDrop() throws Exception {
    assertThat(run("- drop: {metrics: ['http_.*']}"))
        .containsExactly(
            "node_cpu_seconds{cpu=\"0\",instance=\"10.0.0.1:9100\",job=\"node\",mode=\"idle\"} 0.75",
            "node_cpu_seconds{cpu=\"1\",instance=\"10.0.0.1:9100\",job=\"node\",mode=\"idle\"} 0.25",
            "latency_ms{instance=\"10.0.0.1:9100\",job=\"node\"} 250");
  }

  @Test
  void shouldRenameWithGroupsWhenStepIsRenameMetric() throws Exception {
    assertThat(run("- rename_metric: {regex: 'node_(.*)', replacement: 'host_$1'}", "node_.*"))
        .containsExactly(
            "host_cpu_seconds{cpu=\"0\",instance=\"10.0.0.1:9100\",job=\"node\",mode=\"idle\"} 0.75",
            "host_cpu_seconds{cpu=\"1\",instance=\"10.0.0.1:9100\",job=\"node\",mode=\"idle\"} 0.25");
  }

  @Test
  void shouldChangeLabelsWhenLabelStepsRun() throws Exception {
    assertThat(
            run(
                "- add_label: {name: team, value: web}\n"
                    + "    metrics: ['http_.*']\n"
                    + "  - update_label: {name: code, value: xxx}\n"
                    + "  - delete_label: {name: instance}\n"
                    + "  - rename_label: {from: job, to: service}",
                "http_.*|latency_ms"))
        .containsExactly(
            "http_requests_total{code=\"xxx\",service=\"node\",team=\"web\"} 7",
            "http_requests_total{code=\"xxx\",service=\"node\",team=\"web\"} 1",
            "latency_ms{service=\"node\"} 250");
  }

  @Test
  void shouldApplyPrometheusRulesWhenStepIsRelabel() throws Exception {
    assertThat(
            run(
                "- relabel:\n"
                    + "    - {source_labels: [code], regex: '5..', action: drop}\n"
                    + "    - {source_labels: [code], target_label: class, regex: '(.).*',"
                    + " replacement: '${1}xx'}",
                "http_.*"))
        .containsExactly(
            "http_requests_total{class=\"2xx\",code=\"200\",instance=\"10.0.0.1:9100\","
                + "job=\"node\"} 7");
  }

  @Test
  void shouldCombineSeriesWhenStepIsAggregate() throws Exception {
    ScrapeBatch out =
        one("- aggregate: {metrics: [node_cpu_seconds], keep_labels: [mode], op: sum}", "node_.*");

    assertThat(Batches.lines(out)).containsExactly("node_cpu_seconds{mode=\"idle\"} 1");
    assertThat(out.getSeries(0).getValueBits()).isEqualTo(Double.doubleToRawLongBits(1.0));
    assertThat(out.getSymbolsList())
        .containsExactly("", "__name__", "node_cpu_seconds", "mode", "idle");
  }

  @Test
  void shouldScaleAndRenameWhenStepIsConvertUnit() throws Exception {
    ScrapeBatch out =
        one(
            "- convert_unit: {metric: '.*_ms', factor: 0.001,"
                + " rename: {regex: '(.*)_ms', replacement: '${1}_seconds'}}",
            "latency_ms");

    assertThat(Batches.lines(out))
        .containsExactly("latency_seconds{instance=\"10.0.0.1:9100\",job=\"node\"} 0.25");
    assertThat(out.getSeries(0).getValueBits()).isEqualTo(Double.doubleToRawLongBits(0.25));
  }

  @Test
  void shouldKeepFirstSeriesAndCountRestWhenStepIsSeriesLimit() throws Exception {
    try (TransformDriver driver = new TransformDriver(backend("- series_limit: 2"), stateDir)) {
      driver.pipe(input());

      assertThat(driver.outLines("vm"))
          .containsExactly(
              "http_requests_total{code=\"200\",instance=\"10.0.0.1:9100\",job=\"node\"} 7",
              "http_requests_total{code=\"503\",instance=\"10.0.0.1:9100\",job=\"node\"} 1");
      assertThat(driver.listener.calls)
          .containsExactly(
              "batchWritten 5", "transformed vm transformed 2", "transformed vm limited 3");
    }
  }

  static ScrapeBatch input() {
    return Batches.scrape("target-a", 1_000)
        .sample("http_requests_total", 7, "code", "200")
        .sample("http_requests_total", 1, "code", "503")
        .sample("node_cpu_seconds", 0.75, "cpu", "0", "mode", "idle")
        .sample("node_cpu_seconds", 0.25, "cpu", "1", "mode", "idle")
        .sample("latency_ms", 250)
        .build();
  }

  static String backend(String steps) {
    return "backends:\n- name: vm\n  file: {path: /tmp/vm}\n  transforms:\n  " + steps + "\n";
  }

  /** The lines of out.vm after a {@code keep} of {@code only} (when given) and {@code steps}. */
  private List<String> run(String steps, String... only) throws Exception {
    return Batches.lines(one(steps, only));
  }

  private ScrapeBatch one(String steps, String... only) throws Exception {
    String keep = only.length == 0 ? "" : "- keep: {metrics: ['" + only[0] + "']}\n  ";
    try (TransformDriver driver = new TransformDriver(backend(keep + steps), stateDir)) {
      driver.pipe(input());
      List<ScrapeBatch> out = driver.out("vm");
      assertThat(out).hasSize(1);
      return out.get(0);
    }
  }
}
