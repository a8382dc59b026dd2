package io.scrapestream.ingest.parse;

import static io.scrapestream.ingest.parse.ProtoBodies.delimited;
import static io.scrapestream.ingest.parse.ProtoBodies.exemplar;
import static io.scrapestream.ingest.parse.ProtoBodies.label;
import static io.scrapestream.ingest.parse.ProtoBodies.span;
import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.schemas.clientmodel.Metrics.Bucket;
import io.scrapestream.schemas.clientmodel.Metrics.Counter;
import io.scrapestream.schemas.clientmodel.Metrics.Gauge;
import io.scrapestream.schemas.clientmodel.Metrics.Histogram;
import io.scrapestream.schemas.clientmodel.Metrics.Metric;
import io.scrapestream.schemas.clientmodel.Metrics.MetricFamily;
import io.scrapestream.schemas.clientmodel.Metrics.MetricType;
import io.scrapestream.schemas.clientmodel.Metrics.Quantile;
import io.scrapestream.schemas.clientmodel.Metrics.Summary;
import io.scrapestream.schemas.clientmodel.Metrics.Untyped;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtobufParserTest {

  @Test
  void shouldProduceSampleExemplarAndMetadataWhenFamilyIsCounter() throws Exception {
    MetricFamily family =
        MetricFamily.newBuilder()
            .setName("http_requests_total")
            .setHelp("Requests.")
            .setType(MetricType.COUNTER)
            .setUnit("requests")
            .addMetric(
                Metric.newBuilder()
                    .addLabel(label("method", "get"))
                    .addLabel(label("code", "200"))
                    .setTimestampMs(1_700_000_000_500L)
                    .setCounter(
                        Counter.newBuilder()
                            .setValue(1027)
                            .setExemplar(exemplar("abc", 1, 1_700_000_000L, 123_456_789))))
            .build();

    assertThat(parse(false, family))
        .containsExactly(
            "TYPE http_requests_total counter",
            "HELP http_requests_total \"Requests.\"",
            "SAMPLE {__name__=\"http_requests_total\",method=\"get\",code=\"200\"} 1027.0"
                + " @1700000000500",
            "EXEMPLAR {trace_id=\"abc\"} 1.0 @1700000000123",
            "UNIT http_requests_total requests");
  }

  @Test
  void shouldTreatZeroTimestampAsNoneWhenFamiliesAreGaugeAndUntyped() throws Exception {
    MetricFamily gauge =
        MetricFamily.newBuilder()
            .setName("temperature")
            .setType(MetricType.GAUGE)
            .addMetric(Metric.newBuilder().setGauge(Gauge.newBuilder().setValue(-3.5)))
            .addMetric(
                Metric.newBuilder()
                    .addLabel(label("room", "b"))
                    .setTimestampMs(0)
                    .setGauge(Gauge.newBuilder().setValue(Double.POSITIVE_INFINITY)))
            .build();
    MetricFamily untyped =
        MetricFamily.newBuilder()
            .setName("legacy")
            .setType(MetricType.UNTYPED)
            .addMetric(Metric.newBuilder().setUntyped(Untyped.newBuilder().setValue(7)))
            .build();

    assertThat(parse(false, gauge, untyped))
        .containsExactly(
            "TYPE temperature gauge",
            "SAMPLE {__name__=\"temperature\"} -3.5",
            "SAMPLE {__name__=\"temperature\",room=\"b\"} +Inf",
            "TYPE legacy untyped",
            "SAMPLE {__name__=\"legacy\"} 7.0");
  }

  @Test
  void shouldProduceCountSumAndQuantileSeriesWhenFamilyIsSummary() throws Exception {
    Summary summary =
        Summary.newBuilder()
            .setSampleCount(10)
            .setSampleSum(5.5)
            .addQuantile(Quantile.newBuilder().setQuantile(0).setValue(0.1))
            .addQuantile(Quantile.newBuilder().setQuantile(0.5).setValue(0.3))
            .addQuantile(Quantile.newBuilder().setQuantile(1).setValue(2))
            .build();
    MetricFamily family =
        MetricFamily.newBuilder()
            .setName("rpc_seconds")
            .setType(MetricType.SUMMARY)
            .addMetric(Metric.newBuilder().addLabel(label("svc", "a")).setSummary(summary))
            .build();

    assertThat(parse(false, family))
        .containsExactly(
            "TYPE rpc_seconds summary",
            "SAMPLE {__name__=\"rpc_seconds_count\",svc=\"a\"} 10.0",
            "SAMPLE {__name__=\"rpc_seconds_sum\",svc=\"a\"} 5.5",
            "SAMPLE {__name__=\"rpc_seconds\",svc=\"a\",quantile=\"0.0\"} 0.1",
            "SAMPLE {__name__=\"rpc_seconds\",svc=\"a\",quantile=\"0.5\"} 0.3",
            "SAMPLE {__name__=\"rpc_seconds\",svc=\"a\",quantile=\"1.0\"} 2.0");
  }

  @Test
  void shouldAddInfBucketAndBucketExemplarWhenHistogramIsClassic() throws Exception {
    Histogram histogram =
        Histogram.newBuilder()
            .setSampleCount(4)
            .setSampleSum(2.5)
            .addBucket(Bucket.newBuilder().setUpperBound(0.1).setCumulativeCount(1))
            .addBucket(
                Bucket.newBuilder()
                    .setUpperBound(1)
                    .setCumulativeCountFloat(3)
                    .setExemplar(exemplar("t1", 0.7)))
            .addBucket(Bucket.newBuilder().setUpperBound(1e-5).setCumulativeCount(3))
            .build();

    assertThat(parse(false, histogramFamily("lat_seconds", MetricType.HISTOGRAM, histogram)))
        .containsExactly(
            "TYPE lat_seconds histogram",
            "SAMPLE {__name__=\"lat_seconds_count\"} 4.0",
            "SAMPLE {__name__=\"lat_seconds_sum\"} 2.5",
            "SAMPLE {__name__=\"lat_seconds_bucket\",le=\"0.1\"} 1.0",
            "SAMPLE {__name__=\"lat_seconds_bucket\",le=\"1.0\"} 3.0",
            "EXEMPLAR {trace_id=\"t1\"} 0.7",
            "SAMPLE {__name__=\"lat_seconds_bucket\",le=\"1e-05\"} 3.0",
            "SAMPLE {__name__=\"lat_seconds_bucket\",le=\"+Inf\"} 4.0");
  }

  @Test
  void shouldCompactBucketsAndKeepTimestampedExemplarsWhenNativeHistogramHasIntegerCounts()
      throws Exception {
    Histogram histogram =
        Histogram.newBuilder()
            .setSampleCount(12)
            .setSampleSum(30.5)
            .setSchema(3)
            .setZeroThreshold(0.001)
            .setZeroCount(2)
            .addPositiveSpan(span(-1, 2))
            .addPositiveSpan(span(3, 1))
            .addAllPositiveDelta(List.of(3L, -3L, 5L))
            .addNegativeSpan(span(0, 0))
            .addExemplars(exemplar("no-ts", 1))
            .addExemplars(exemplar("ts", 2, 1_700_000_001L, 5_000_000))
            .build();

    assertThat(parse(false, histogramFamily("req_seconds", MetricType.HISTOGRAM, histogram)))
        .containsExactly(
            "TYPE req_seconds histogram",
            "HISTOGRAM {__name__=\"req_seconds\"} {\"schema\":3,\"zero_threshold\":0.001,"
                + "\"zero_count\":2,\"count\":12,\"sum\":30.5,"
                + "\"positive_spans\":[{\"offset\":-1,\"length\":1},{\"offset\":4,\"length\":1}],"
                + "\"positive_deltas\":[3,2],\"negative_spans\":[],\"negative_deltas\":[],"
                + "\"reset_hint\":\"unknown\"}",
            "EXEMPLAR {trace_id=\"ts\"} 2.0 @1700000001005");
  }

  @Test
  void shouldProduceFloatGaugeHistogramWhenCountsAreFloats() throws Exception {
    Histogram histogram =
        Histogram.newBuilder()
            .setSampleCountFloat(3.5)
            .setSampleSum(-1)
            .setSchema(-2)
            .setZeroCountFloat(0.5)
            .addNegativeSpan(span(2, 3))
            .addAllNegativeCount(List.of(1.0, 0.0, 2.0))
            .build();
    Metric metric =
        Metric.newBuilder()
            .addLabel(label("pool", "x"))
            .setTimestampMs(42)
            .setHistogram(histogram)
            .build();
    MetricFamily family =
        MetricFamily.newBuilder()
            .setName("queue_size")
            .setType(MetricType.GAUGE_HISTOGRAM)
            .addMetric(metric)
            .build();

    assertThat(parse(false, family))
        .containsExactly(
            "TYPE queue_size gaugehistogram",
            "HISTOGRAM {__name__=\"queue_size\",pool=\"x\"} {\"float\":true,\"schema\":-2,"
                + "\"zero_threshold\":0.0,\"zero_count\":0.5,\"count\":3.5,\"sum\":-1.0,"
                + "\"positive_spans\":[],\"positive_counts\":[],"
                + "\"negative_spans\":[{\"offset\":2,\"length\":1},{\"offset\":1,\"length\":1}],"
                + "\"negative_counts\":[1.0,2.0],\"reset_hint\":\"gauge\"} @42");
  }

  @Test
  void shouldDropClassicSeriesWhenHistogramIsAlsoNativeAndClassicScrapingIsOff() throws Exception {
    MetricFamily family = histogramFamily("h", MetricType.HISTOGRAM, classicAndNative());

    assertThat(parse(false, family))
        .containsExactly(
            "TYPE h histogram",
            "HISTOGRAM {__name__=\"h\"} {\"schema\":0,\"zero_threshold\":0.0,\"zero_count\":0,"
                + "\"count\":2,\"sum\":1.5,\"positive_spans\":[{\"offset\":0,\"length\":1}],"
                + "\"positive_deltas\":[2],\"negative_spans\":[],\"negative_deltas\":[],"
                + "\"reset_hint\":\"unknown\"}",
            "EXEMPLAR {trace_id=\"b\"} 0.5 @3000");
  }

  @Test
  void shouldAlsoProduceClassicSeriesWhenHistogramIsAlsoNativeAndClassicScrapingIsOn()
      throws Exception {
    MetricFamily family = histogramFamily("h", MetricType.HISTOGRAM, classicAndNative());

    List<String> events = parse(true, family);

    assertThat(events.subList(3, events.size()))
        .containsExactly(
            "SAMPLE {__name__=\"h_count\"} 2.0",
            "SAMPLE {__name__=\"h_sum\"} 1.5",
            "SAMPLE {__name__=\"h_bucket\",le=\"1.0\"} 2.0",
            "EXEMPLAR {trace_id=\"b\"} 0.5 @3000",
            "SAMPLE {__name__=\"h_bucket\",le=\"+Inf\"} 2.0");
    assertThat(events.get(1)).startsWith("HISTOGRAM {__name__=\"h\"} {\"schema\":0,");
  }

  @Test
  void shouldReadNativeHistogramWithoutObservationsWhenItHasANoOpSpan() throws Exception {
    Histogram empty = Histogram.newBuilder().addPositiveSpan(span(0, 0)).build();

    assertThat(parse(false, histogramFamily("idle", MetricType.HISTOGRAM, empty)))
        .containsExactly(
            "TYPE idle histogram",
            "HISTOGRAM {__name__=\"idle\"} {\"schema\":0,\"zero_threshold\":0.0,\"zero_count\":0,"
                + "\"count\":0,\"sum\":0.0,\"positive_spans\":[],\"positive_deltas\":[],"
                + "\"negative_spans\":[],\"negative_deltas\":[],\"reset_hint\":\"unknown\"}");
  }

  @Test
  void shouldSkipFamilyWhenItHasNoMetrics() throws Exception {
    MetricFamily empty = MetricFamily.newBuilder().setName("not a name").build();
    MetricFamily gauge =
        MetricFamily.newBuilder()
            .setName("g")
            .setType(MetricType.GAUGE)
            .addMetric(Metric.newBuilder().setGauge(Gauge.newBuilder().setValue(1)))
            .build();

    assertThat(parse(false, empty, gauge))
        .containsExactly("TYPE g gauge", "SAMPLE {__name__=\"g\"} 1.0");
  }

  private static Histogram classicAndNative() {
    return Histogram.newBuilder()
        .setSampleCount(2)
        .setSampleSum(1.5)
        .addBucket(
            Bucket.newBuilder()
                .setUpperBound(1)
                .setCumulativeCount(2)
                .setExemplar(exemplar("b", 0.5, 3, 0)))
        .addPositiveSpan(span(0, 1))
        .addPositiveDelta(2)
        .build();
  }

  static MetricFamily histogramFamily(String name, MetricType type, Histogram histogram) {
    return MetricFamily.newBuilder()
        .setName(name)
        .setType(type)
        .addMetric(Metric.newBuilder().setHistogram(histogram))
        .build();
  }

  static List<String> parse(boolean classic, MetricFamily... families) throws Exception {
    byte[] body = delimited(families);
    RecordingVisitor visitor = new RecordingVisitor();
    new ProtobufParser(classic).parse(body, 0, body.length, visitor);
    return visitor.events;
  }
}
