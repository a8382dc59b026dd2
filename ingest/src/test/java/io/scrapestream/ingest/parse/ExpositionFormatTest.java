package io.scrapestream.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExpositionFormatTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "text/plain; version=0.0.4 | PROMETHEUS_TEXT",
        "text/plain; version=0.0.4; charset=utf-8 | PROMETHEUS_TEXT",
        "text/plain | PROMETHEUS_TEXT",
        "Text/Plain;charset=utf-8 | PROMETHEUS_TEXT",
        "application/openmetrics-text; version=1.0.0; charset=utf-8 | OPENMETRICS_TEXT",
        "application/openmetrics-text;version=0.0.1 | OPENMETRICS_TEXT",
        "application/openmetrics-text | OPENMETRICS_TEXT",
        "APPLICATION/OPENMETRICS-TEXT; VERSION=\"1.0.0\" | OPENMETRICS_TEXT"
      })
  void shouldRecogniseFormatWhenContentTypeNamesIt(String contentType, ExpositionFormat expected) {
    assertThat(ExpositionFormat.fromContentType(contentType)).contains(expected);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "application/json",
        "text/plain; version=1.0.0",
        "application/openmetrics-text; version=2.0.0",
        "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily",
        ""
      })
  void shouldReturnEmptyWhenContentTypeIsUnknown(String contentType) {
    assertThat(ExpositionFormat.fromContentType(contentType)).isEmpty();
  }

  @Test
  void shouldReturnEmptyWhenContentTypeIsNull() {
    assertThat(ExpositionFormat.fromContentType(null)).isEqualTo(Optional.empty());
  }

  @Test
  void shouldCreateMatchingParserWhenAskedForOne() {
    assertThat(ExpositionFormat.PROMETHEUS_TEXT.newParser())
        .isInstanceOf(PrometheusTextParser.class);
    assertThat(ExpositionFormat.OPENMETRICS_TEXT.newParser()).isInstanceOf(OpenMetricsParser.class);
  }
}
