package io.scrapestream.ingest.scrape;

import static io.scrapestream.ingest.scrape.Scrapes.NOW_MS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scrapestream.core.batch.BatchRecords;
import io.scrapestream.core.config.ScrapeLimits;
import io.scrapestream.ingest.parse.ExpositionFormat;
import io.scrapestream.schemas.v1.ScrapeBatch;
import io.scrapestream.schemas.v1.Series;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sample path without I/O: text parsed into a {@link BatchAssembler} with limits. */
class SamplePathTest {
  private static final long TEN_MINUTES_MS = 600_000;

  private SampleAdmission admission;
  private BatchAssembler assembler;

  @Test
  void shouldKeepFirstAndCountDuplicateWhenSeriesRepeatsWithoutTimestamp() throws Exception {
    parse(ScrapeLimits.NONE, true, "a{x=\"1\"} 1\na{x=\"1\"} 2\na{x=\"2\"} 3\n");

    assertThat(values("a")).containsExactly(1.0, 3.0);
    assertThat(admission.duplicates()).isEqualTo(1);
    assertThat(assembler.scraped()).isEqualTo(3);
    assertThat(assembler.postRelabeling()).isEqualTo(3);
  }

  @Test
  void shouldDropRepeatAtSameTimestampAndKeepOtherTimestampsWhenTimestampsAreExposed()
      throws Exception {
    parse(ScrapeLimits.NONE, true, "a 1 1000\na 2 1000\na 3 2000\n");

    assertThat(values("a")).containsExactly(1.0, 3.0);
    assertThat(admission.duplicates()).isEqualTo(1);
  }

  @Test
  void shouldKeepNanAndInfinitiesWhenExposed() throws Exception {
    parse(ScrapeLimits.NONE, true, "a NaN\nb +Inf\nc -Inf\n");

    assertThat(values("a")).hasSize(1).allMatch(v -> Double.isNaN(v));
    assertThat(values("b")).containsExactly(Double.POSITIVE_INFINITY);
    assertThat(values("c")).containsExactly(Double.NEGATIVE_INFINITY);
  }

  @Test
  void shouldDropSampleWhenTimestampIsMoreThanTenMinutesAhead() throws Exception {
    long limit = NOW_MS + TEN_MINUTES_MS;
    parse(ScrapeLimits.NONE, true, "a " + 1 + " " + limit + "\nb 2 " + (limit + 1) + "\n");

    assertThat(values("a")).containsExactly(1.0);
    assertThat(values("b")).isEmpty();
    assertThat(admission.outOfBounds()).isEqualTo(1);
    assertThat(assembler.postRelabeling()).isEqualTo(2);
  }

  @Test
  void shouldKeepFutureSampleWhenTimestampsAreNotHonored() throws Exception {
    parse(ScrapeLimits.NONE, false, "b 2 " + (NOW_MS + 2 * TEN_MINUTES_MS) + "\n");

    assertThat(values("b")).containsExactly(2.0);
    assertThat(admission.outOfBounds()).isZero();
  }

  @Test
  void shouldCountEverySampleAndFailWhenSampleLimitIsExceeded() throws Exception {
    parse(new ScrapeLimits(2, 0, 0, 0, 0), true, "a 1\nb 2\nb 2\nc 3\nd 4\n");

    assertThatThrownBy(() -> assembler.checkSampleLimit(2))
        .isInstanceOf(ScrapeException.class)
        .hasMessage("sample limit exceeded (sample_limit 2, 4 samples)");
    assertThat(assembler.scraped()).isEqualTo(5);
    assertThat(assembler.postRelabeling()).isEqualTo(5);
  }

  @Test
  void shouldPassWhenSampleCountEqualsLimit() throws Exception {
    parse(new ScrapeLimits(2, 0, 0, 0, 0), true, "a 1\nb 2\n");

    assertThat(admission.sampleLimitExceeded()).isFalse();
    assertThat(values("b")).containsExactly(2.0);
  }

  @Test
  void shouldFailWithPrometheusMessageWhenLabelLimitIsExceeded() {
    assertThatThrownBy(() -> parse(new ScrapeLimits(0, 5, 0, 0, 0), true, "m{a=\"1\",b=\"2\"} 1\n"))
        .isInstanceOf(ScrapeLimitExceededException.class)
        .hasMessage("label_limit exceeded (metric: m, number of labels: 6, limit: 5)")
        .extracting(e -> ((ScrapeLimitExceededException) e).kind())
        .isEqualTo(ScrapeLimitKind.LABEL);
    assertThat(assembler.scraped()).isEqualTo(1);
  }

  @Test
  void shouldFailWithPrometheusMessageWhenLabelNameIsTooLong() {
    assertThatThrownBy(
            () -> parse(new ScrapeLimits(0, 0, 8, 0, 0), true, "m 1\nn{long_name=\"v\"} 1\n"))
        .hasMessage(
            "label_name_length_limit exceeded (metric: n, label name: long_name, length: 9,"
                + " limit: 8)");
  }

  @Test
  void shouldCutAndQuoteValueLikeGoWhenLabelValueIsTooLong() {
    String value = "\u00e9\\\"" + "x".repeat(60);
    String body =
        "metric_with_a_name_longer_than_fifty_characters_in_total{v=\""
            + value.replace("\\", "\\\\").replace("\"", "\\\"")
            + "\"} 1\n";

    assertThatThrownBy(() -> parse(new ScrapeLimits(0, 0, 0, 60, 0), true, body))
        .hasMessage(
            "label_value_length_limit exceeded (metric:"
                + " metric_with_a_name_longer_than_fifty_characters_in, label name: v, value:"
                + " \"\u00e9\\\\\\\""
                + "x".repeat(47)
                + "\", length: 64, limit: 60)");
  }

  @Test
  void shouldCountTargetLabelsWhenCheckingLabelLimit() throws Exception {
    parse(new ScrapeLimits(0, 4, 0, 0, 0), true, "m 1\n");

    assertThat(values("m")).containsExactly(1.0);
  }

  private void parse(ScrapeLimits limits, boolean honorTimestamps, String body) throws Exception {
    admission = new SampleAdmission(limits.sampleLimit(), NOW_MS);
    assembler =
        new BatchAssembler(
            Scrapes.target(URI.create("http://h:1/metrics"), false, honorTimestamps),
            new SampleLimits(limits),
            admission);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ExpositionFormat.PROMETHEUS_TEXT.newParser().parse(bytes, 0, bytes.length, assembler);
  }

  private List<Double> values(String name) {
    ScrapeBatch batch = assembler.toBatch().build();
    return batch.getSeriesList().stream()
        .filter(s -> name.equals(BatchRecords.labels(batch, s).get("__name__")))
        .map(Series::getValueBits)
        .map(Double::longBitsToDouble)
        .toList();
  }
}
