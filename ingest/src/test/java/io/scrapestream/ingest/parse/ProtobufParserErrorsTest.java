package io.scrapestream.ingest.parse;

import static io.scrapestream.ingest.parse.ProtoBodies.delimited;
import static io.scrapestream.ingest.parse.ProtoBodies.indexOf;
import static io.scrapestream.ingest.parse.ProtoBodies.label;
import static io.scrapestream.ingest.parse.ProtoBodies.span;
import static io.scrapestream.ingest.parse.ProtobufParserTest.histogramFamily;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.scrapestream.schemas.clientmodel.Metrics.Bucket;
import io.scrapestream.schemas.clientmodel.Metrics.Gauge;
import io.scrapestream.schemas.clientmodel.Metrics.Histogram;
import io.scrapestream.schemas.clientmodel.Metrics.LabelPair;
import io.scrapestream.schemas.clientmodel.Metrics.Metric;
import io.scrapestream.schemas.clientmodel.Metrics.MetricFamily;
import io.scrapestream.schemas.clientmodel.Metrics.MetricType;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ProtobufParserErrorsTest {

  private final RecordingVisitor visitor = new RecordingVisitor();

  @Test
  void shouldFailWhenLengthPrefixIsATruncatedVarint() {
    byte[] body = {(byte) 0x96};

    assertThatThrownBy(() -> parse(body))
        .isInstanceOf(ExpositionParseException.class)
        .hasMessage(
            "metric family 1 at byte 0: invalid length prefix: expected a varint of at most 5"
                + " bytes. Found: \\x96");
  }

  @Test
  void shouldFailWhenLengthPrefixIsLongerThanFiveBytes() {
    byte[] good = delimited(gauge("g", 1));
    byte[] body = Arrays.copyOf(good, good.length + 6);
    Arrays.fill(body, good.length, good.length + 5, (byte) 0x80);
    body[good.length + 5] = 1;

    assertThatThrownBy(() -> parse(body))
        .hasMessage(
            "metric family 2 at byte "
                + good.length
                + ": invalid length prefix: expected a varint of at most 5 bytes."
                + " Found: \\x80\\x80\\x80\\x80\\x80\\x01");
    assertThat(visitor.events).containsExactly("TYPE g gauge", "SAMPLE {__name__=\"g\"} 1.0");
  }

  @Test
  void shouldFailWhenMessageIsShorterThanItsLengthPrefix() {
    byte[] good = delimited(gauge("g", 1));
    byte[] body = Arrays.copyOf(good, good.length - 1);

    assertThatThrownBy(() -> parse(body))
        .hasMessage(
            "metric family 1 at byte 0: truncated metric family: its length prefix announces "
                + (good.length - 1)
                + " bytes, "
                + (good.length - 2)
                + " remain");
  }

  @Test
  void shouldFailWhenEmbeddedMessageMisreportsItsLength() {
    byte[] family = gauge("g", 1).toByteArray();
    int metricLength = indexOf(family, new byte[] {0x22}, 1) + 1;
    family[metricLength] = (byte) (family[metricLength] + 5);

    assertThatThrownBy(() -> parse(delimited(family)))
        .hasMessage(
            "metric family 1 at byte 8: malformed protobuf: While parsing a protocol message, the"
                + " input ended unexpectedly in the middle of a field.  This could mean either"
                + " that the input has been truncated or that an embedded message misreported"
                + " its own length.");
  }

  @Test
  void shouldFailWhenMetricNameIsInvalid() {
    assertThatThrownBy(() -> parse(delimited(gauge("0abc", 1))))
        .hasMessage("metric family 1 at byte 1: invalid metric name: \"0abc\"");
  }

  @Test
  void shouldFailWhenFamilyNameIsEmpty() {
    assertThatThrownBy(() -> parse(delimited(gauge("", 1))))
        .hasMessage("metric family 1 at byte 1: invalid metric name: \"\"");
  }

  @Test
  void shouldFailAtTheSecondLabelWhenALabelNameRepeats() {
    MetricFamily family =
        gauge("g", 1).toBuilder()
            .setMetric(0, metric(1).addLabel(label("a", "x")).addLabel(label("a", "x")))
            .build();
    byte[] body = delimited(family);
    int second = indexOf(body, label("a", "x").toByteArray(), 2);

    assertThatThrownBy(() -> parse(body))
        .hasMessage(
            "metric family 1 at byte "
                + second
                + ": label name \"a\" is not unique: invalid sample");
  }

  @Test
  void shouldFailAfterCountAndSumWhenHistogramMetricHasAnLeLabel() {
    Histogram h = Histogram.newBuilder().addBucket(Bucket.newBuilder().setUpperBound(1)).build();
    MetricFamily family = histogramFamily("h", MetricType.HISTOGRAM, h);
    family =
        family.toBuilder()
            .setMetric(0, family.getMetric(0).toBuilder().addLabel(label("le", "2")))
            .build();
    byte[] body = delimited(family);

    assertThatThrownBy(() -> parse(body))
        .hasMessage(
            "metric family 1 at byte "
                + body.length
                + ": label name \"le\" is not unique: invalid sample");
    assertThat(visitor.samples).isEqualTo(2);
  }

  @Test
  void shouldFailWhenLabelNameIsInvalidOrValueIsNotUtf8() {
    MetricFamily badName =
        gauge("g", 1).toBuilder().setMetric(0, metric(1).addLabel(label("a-b", "x"))).build();
    byte[] body = delimited(badName);

    assertThatThrownBy(() -> parse(body))
        .hasMessage(
            "metric family 1 at byte "
                + indexOf(body, label("a-b", "x").toByteArray(), 1)
                + ": invalid label name: \"a-b\"");

    LabelPair badValue =
        LabelPair.newBuilder()
            .setName("a")
            .setValueBytes(ByteString.copyFrom(new byte[] {'x', (byte) 0xff}))
            .build();
    byte[] second =
        delimited(gauge("g", 1).toBuilder().setMetric(0, metric(1).addLabel(badValue)).build());
    int value = indexOf(second, new byte[] {'x', (byte) 0xff}, 1);
    assertThatThrownBy(() -> parse(second))
        .hasMessage("metric family 1 at byte " + value + ": invalid UTF-8 in label value: x\\xff");
  }

  @Test
  void shouldFailWhenUnitIsNotASuffixOfTheName() {
    MetricFamily family = gauge("disk_size", 1).toBuilder().setUnit("bytes").build();

    assertThatThrownBy(() -> parse(delimited(family)))
        .hasMessage(
            "metric family 1 at byte 1: unit \"bytes\" not a suffix of metric \"disk_size\"");
  }

  @Test
  void shouldFailWhenTypeIsUnknown() {
    byte[] family = gauge("g", 1).toBuilder().clearType().build().toByteArray();
    byte[] withType = Arrays.copyOf(family, family.length + 2);
    withType[family.length] = 0x18;
    withType[family.length + 1] = 7;

    assertThatThrownBy(() -> parse(delimited(withType)))
        .hasMessage("metric family 1 at byte 1: unknown metric type for metric \"g\": 7");
  }

  @Test
  void shouldFailWhenAFieldHasTheWrongWireType() {
    // name "g", then a metric whose field 6 (timestamp_ms, a varint) comes as fixed64 (wire type 1)
    byte[] body = delimited(new byte[] {0x0a, 0x01, 'g', 0x22, 0x02, 0x31, 0x01});

    assertThatThrownBy(() -> parse(body))
        .hasMessage(
            "metric family 1 at byte 7: wrong wire type for Metric.timestamp_ms: expected 0."
                + " Found: 1");
  }

  @Test
  void shouldFailWhenNativeSpansDoNotMatchTheBuckets() {
    Histogram h = Histogram.newBuilder().addPositiveSpan(span(0, 3)).addPositiveDelta(1).build();

    assertThatThrownBy(() -> parse(delimited(histogramFamily("h", MetricType.HISTOGRAM, h))))
        .hasMessageEndingWith(
            ": positive side: spans need 3 buckets, have 1 buckets: histogram spans specify"
                + " different number of buckets than provided");
    Histogram negative =
        Histogram.newBuilder()
            .addNegativeSpan(span(0, 1))
            .addNegativeSpan(span(-2, 1))
            .addAllNegativeDelta(java.util.List.of(1L, 1L))
            .build();
    assertThatThrownBy(() -> parse(delimited(histogramFamily("h", MetricType.HISTOGRAM, negative))))
        .hasMessageEndingWith(
            ": negative side: span number 2 with offset -2: histogram has a span whose offset is"
                + " negative");
  }

  private void parse(byte[] body) throws ExpositionParseException {
    new ProtobufParser(false).parse(body, 0, body.length, visitor);
  }

  private static Metric.Builder metric(double value) {
    return Metric.newBuilder().setGauge(Gauge.newBuilder().setValue(value));
  }

  private static MetricFamily gauge(String name, double value) {
    return MetricFamily.newBuilder()
        .setName(name)
        .setType(MetricType.GAUGE)
        .addMetric(metric(value))
        .build();
  }
}
