package io.scrapestream.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.core.batch.DeadLetterHeaders;
import io.scrapestream.enrich.Batches;
import io.scrapestream.schemas.v1.ScrapeBatch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-backend branches: one per backend with transforms, independent, failing alone. */
class TransformBranchesTopologyTest {
  private static final String TWO_BACKENDS_AND_PLAIN =
      "backends:\n"
          + "- name: vm\n"
          + "  file: {path: /tmp/vm}\n"
          + "  transforms:\n"
          + "  - keep: {metrics: ['http_.*']}\n"
          + "  - add_label: {name: backend, value: vm}\n"
          + "- name: amp\n"
          + "  file: {path: /tmp/amp}\n"
          + "  transforms:\n"
          + "  - drop: {metrics: ['http_.*', 'node_.*']}\n"
          + "- name: plain\n"
          + "  file: {path: /tmp/plain}\n";

  @TempDir Path stateDir;

  @Test
  void shouldWriteEachBackendItsOwnResultWhenTwoBackendsTransformOneInput() throws Exception {
    ScrapeBatch input = TransformStepsTopologyTest.input();
    try (TransformDriver driver = new TransformDriver(TWO_BACKENDS_AND_PLAIN, stateDir)) {
      driver.pipe(input);

      assertThat(driver.outLines("vm"))
          .containsExactly(
              "http_requests_total{backend=\"vm\",code=\"200\",instance=\"10.0.0.1:9100\","
                  + "job=\"node\"} 7",
              "http_requests_total{backend=\"vm\",code=\"503\",instance=\"10.0.0.1:9100\","
                  + "job=\"node\"} 1");
      assertThat(driver.outLines("amp"))
          .containsExactly("latency_ms{instance=\"10.0.0.1:9100\",job=\"node\"} 250");
      assertThat(driver.enriched.readValue()).isEqualTo(input.toByteArray());
      assertThat(driver.listener.calls)
          .containsExactly(
              "batchWritten 5",
              "transformed vm transformed 2",
              "transformed vm dropped 3",
              "transformed amp transformed 1",
              "transformed amp dropped 4");
    }
  }

  @Test
  void shouldHaveNoBranchAndWriteNoOutRecordWhenBackendHasNoTransforms() throws Exception {
    try (TransformDriver driver = new TransformDriver(TWO_BACKENDS_AND_PLAIN, stateDir)) {
      driver.pipe(TransformStepsTopologyTest.input());

      assertThat(driver.out("plain")).isEmpty();
      assertThat(nodeNames(driver))
          .contains("transform-vm", "write-out-vm", "transform-amp", "write-out-amp")
          .doesNotContain("transform-plain", "write-out-plain");
    }
  }

  @Test
  void shouldSendRecordToDeadLetterTopicAndKeepFlowingWhenTransformThrows() throws Exception {
    String yaml =
        "backends:\n"
            + "- name: vm\n"
            + "  file: {path: /tmp/vm}\n"
            + "  transforms:\n"
            + "  - rename_metric: {regex: 'bad', replacement: ''}\n"
            + "- name: amp\n"
            + "  file: {path: /tmp/amp}\n"
            + "  transforms:\n"
            + "  - keep: {metrics: [bad, good]}\n";
    ScrapeBatch bad = Batches.scrape("target-a", 1_000).sample("bad", 1).build();
    ScrapeBatch good = Batches.scrape("target-a", 2_000).sample("good", 2).build();
    try (TransformDriver driver = new TransformDriver(yaml, stateDir)) {
      driver.pipe(bad);
      driver.pipe(good);

      TestRecord<String, byte[]> dead = driver.deadLetters.readRecord();
      assertThat(dead.key()).isEqualTo("target-a");
      assertThat(dead.value()).isEqualTo(bad.toByteArray());
      assertThat(header(dead, DeadLetterHeaders.STAGE)).isEqualTo("enrich");
      assertThat(header(dead, DeadLetterHeaders.ERROR_CLASS)).isEqualTo("rejected");
      assertThat(header(dead, DeadLetterHeaders.ERROR_MESSAGE))
          .isEqualTo(
              "IllegalStateException: rename_metric must not turn a metric name into the empty"
                  + " string. Found: bad renamed to \"\"");
      assertThat(header(dead, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("raw");
      assertThat(header(dead, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
      assertThat(driver.deadLetters.isEmpty()).isTrue();
      assertThat(driver.out("vm"))
          .map(Batches::lines)
          .containsExactly(List.of("good{instance=\"10.0.0.1:9100\",job=\"node\"} 2"));
      assertThat(driver.out("amp"))
          .map(Batches::lines)
          .containsExactly(
              List.of("bad{instance=\"10.0.0.1:9100\",job=\"node\"} 1"),
              List.of("good{instance=\"10.0.0.1:9100\",job=\"node\"} 2"));
      assertThat(driver.listener.calls).contains("deadLettered failed");
    }
  }

  @Test
  void shouldRenameWaitingToPhaseWithLabelWhenOtelMetricsTransformIsMigrated() throws Exception {
    String yaml =
        TransformStepsTopologyTest.backend(
            "- add_label: {name: container_phase, value: waiting}\n"
                + "    metrics: [kube_pod_container_status_waiting]\n"
                + "  - rename_metric: {regex: kube_pod_container_status_waiting,"
                + " replacement: kube_pod_container_status_phase}");
    try (TransformDriver driver = new TransformDriver(yaml, stateDir)) {
      driver.pipe(
          Batches.scrape("ksm", 1_000)
              .sample("kube_pod_container_status_waiting", 1, "container", "app", "pod", "p-1")
              .sample("kube_pod_container_status_running", 0, "container", "app", "pod", "p-1")
              .build());

      assertThat(driver.outLines("vm"))
          .containsExactly(
              "kube_pod_container_status_phase{container=\"app\",container_phase=\"waiting\","
                  + "instance=\"10.0.0.1:9100\",job=\"node\",pod=\"p-1\"} 1",
              "kube_pod_container_status_running{container=\"app\",instance=\"10.0.0.1:9100\","
                  + "job=\"node\",pod=\"p-1\"} 0");
    }
  }

  @Test
  void shouldAverageCpusPerStateWhenOtelAggregateLabelsIsMigrated() throws Exception {
    String yaml =
        TransformStepsTopologyTest.backend(
            "- aggregate: {metrics: [system_cpu_utilization], keep_labels: [state], op: mean}");
    try (TransformDriver driver = new TransformDriver(yaml, stateDir)) {
      driver.pipe(
          Batches.scrape("host", 1_000)
              .sample("system_cpu_utilization", 0.75, "cpu", "cpu0", "state", "idle")
              .sample("system_cpu_utilization", 0.5, "cpu", "cpu1", "state", "idle")
              .sample("system_cpu_utilization", 0.25, "cpu", "cpu0", "state", "user")
              .sample("system_cpu_utilization", 0.125, "cpu", "cpu1", "state", "user")
              .sampleBits(
                  "system_cpu_utilization", 0x7ff0000000000002L, "cpu", "cpu2", "state", "user")
              .build());

      ScrapeBatch out = driver.out("vm").get(0);
      assertThat(Batches.lines(out))
          .containsExactly(
              "system_cpu_utilization{state=\"idle\"} 0.625",
              "system_cpu_utilization{state=\"user\"} 0.1875");
      assertThat(out.getSeries(0).getValueBits()).isEqualTo(Double.doubleToRawLongBits(0.625));
      assertThat(out.getSeries(1).getValueBits()).isEqualTo(Double.doubleToRawLongBits(0.1875));
      assertThat(out.getTarget().getKey()).isEqualTo("host");
      assertThat(out.getTimestampMs()).isEqualTo(1_000);
    }
  }

  private static List<String> nodeNames(TransformDriver driver) {
    List<String> names = new ArrayList<>();
    for (TopologyDescription.Subtopology sub : driver.topology.describe().subtopologies()) {
      sub.nodes().forEach(node -> names.add(node.name()));
    }
    return names;
  }

  private static String header(TestRecord<String, byte[]> record, String key) {
    return new String(record.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
  }
}
