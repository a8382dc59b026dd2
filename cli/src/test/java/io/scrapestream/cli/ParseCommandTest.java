package io.scrapestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.schemas.clientmodel.Metrics.Counter;
import io.scrapestream.schemas.clientmodel.Metrics.Metric;
import io.scrapestream.schemas.clientmodel.Metrics.MetricFamily;
import io.scrapestream.schemas.clientmodel.Metrics.MetricType;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ParseCommandTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final StringWriter out = new StringWriter();
  private PrintStream original;

  @BeforeEach
  void captureStandardOutput() {
    original = System.out;
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreStandardOutput() {
    System.setOut(original);
  }

  @Test
  void shouldPrintOneJsonLinePerSampleWhenFormatIsProtobuf() throws Exception {
    MetricFamily family =
        MetricFamily.newBuilder()
            .setName("jobs_total")
            .setType(MetricType.COUNTER)
            .addMetric(Metric.newBuilder().setCounter(Counter.newBuilder().setValue(3)))
            .build();
    Path file = dir.resolve("metrics.pb");
    try (OutputStream stream = Files.newOutputStream(file)) {
      family.writeDelimitedTo(stream);
    }

    int code = run("parse", "--format", "protobuf", file.toString());

    assertThat(code).isZero();
    assertThat(stdout.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"labels\":{\"__name__\":\"jobs_total\"},\"value\":\"3.0\"}"
                + System.lineSeparator());
  }

  @Test
  void shouldNameProtobufAndTheHistogramShapeWhenHelpIsAsked() {
    int code = run("parse", "--help");

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("openmetrics, or protobuf")
        .contains("(protobuf) prints \"histogram\":{...} instead of \"value\", with the fields")
        .contains("positive_counts and negative_counts instead of the deltas.");
  }

  private int run(String... args) {
    CommandLine commandLine = ScrapestreamCommand.newCommandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(new StringWriter(), true));
    return commandLine.execute(args);
  }
}
