package io.scrapestream.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.schemas.clientmodel.Metrics.Gauge;
import io.scrapestream.schemas.clientmodel.Metrics.Histogram;
import io.scrapestream.schemas.clientmodel.Metrics.Metric;
import io.scrapestream.schemas.clientmodel.Metrics.MetricFamily;
import io.scrapestream.schemas.clientmodel.Metrics.MetricType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParseToolTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void shouldPrintOneJsonLinePerSampleWhenBodyIsValid() {
    String body = "# TYPE a gauge\na{b=\"q\\\"u\\\\o\\nte\",c=\"é\"} 1.50 1395066363000\nb +Inf\n";

    int status = run(body, ExpositionFormat.PROMETHEUS_TEXT);

    assertThat(status).isZero();
    assertThat(out())
        .isEqualTo(
            "{\"labels\":{\"__name__\":\"a\",\"b\":\"q\\\"u\\\\o\\nte\",\"c\":\"é\"},\"value\":\"1.50\",\"timestamp_ms\":1395066363000}\n"
                + "{\"labels\":{\"__name__\":\"b\"},\"value\":\"+Inf\"}\n");
    assertThat(err()).isEmpty();
  }

  @Test
  void shouldConvertSecondsToMillisecondsWhenFormatIsOpenMetrics() {
    int status = run("a 1e3 1520879607.789\n# EOF\n", ExpositionFormat.OPENMETRICS_TEXT);

    assertThat(status).isZero();
    assertThat(out())
        .isEqualTo(
            "{\"labels\":{\"__name__\":\"a\"},\"value\":\"1e3\",\"timestamp_ms\":1520879607789}\n");
  }

  @Test
  void shouldPrintSamplesBeforeTheErrorAndReturnOneWhenBodyIsInvalid() {
    int status = run("a 1\nb{c=\"d\" 2\n", ExpositionFormat.PROMETHEUS_TEXT);

    assertThat(status).isEqualTo(1);
    assertThat(out()).isEqualTo("{\"labels\":{\"__name__\":\"a\"},\"value\":\"1\"}\n");
    assertThat(err())
        .isEqualTo(
            "error: line 2, column 9: expected ',' or '}' after a label value. Found: '2'\n");
  }

  @Test
  void shouldReportMissingEofWhenOpenMetricsBodyEndsEarly() {
    int status = run("a 1\n", ExpositionFormat.OPENMETRICS_TEXT);

    assertThat(status).isEqualTo(1);
    assertThat(err())
        .isEqualTo("error: line 2, column 1: missing '# EOF' at the end of the exposition\n");
  }

  @Test
  void shouldPrintSamplesAndNativeHistogramsWhenFormatIsProtobuf() {
    Histogram histogram =
        Histogram.newBuilder()
            .setSampleCount(3)
            .setSampleSum(4.5)
            .setSchema(1)
            .addPositiveSpan(ProtoBodies.span(2, 2))
            .addAllPositiveDelta(List.of(1L, 1L))
            .build();
    MetricFamily gauge =
        MetricFamily.newBuilder()
            .setName("g")
            .setType(MetricType.GAUGE)
            .addMetric(
                Metric.newBuilder()
                    .addLabel(ProtoBodies.label("a", "b"))
                    .setTimestampMs(5)
                    .setGauge(Gauge.newBuilder().setValue(Double.NaN)))
            .build();
    byte[] body =
        ProtoBodies.delimited(
            gauge, ProtobufParserTest.histogramFamily("h", MetricType.HISTOGRAM, histogram));

    int status =
        ParseTool.run(
            body,
            ExpositionFormat.PROMETHEUS_PROTOBUF,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(status).isZero();
    assertThat(out())
        .isEqualTo(
            "{\"labels\":{\"__name__\":\"g\",\"a\":\"b\"},\"value\":\"NaN\",\"timestamp_ms\":5}\n"
                + "{\"labels\":{\"__name__\":\"h\"},\"histogram\":{\"schema\":1,"
                + "\"zero_threshold\":0.0,\"zero_count\":0,\"count\":3,\"sum\":4.5,"
                + "\"positive_spans\":[{\"offset\":2,\"length\":2}],\"positive_deltas\":[1,1],"
                + "\"negative_spans\":[],\"negative_deltas\":[],\"reset_hint\":\"unknown\"}}\n");
  }

  private int run(String body, ExpositionFormat format) {
    return ParseTool.run(
        body.getBytes(StandardCharsets.UTF_8),
        format,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }
}
