package io.scrapestream.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scrapestream.core.config.ScrapeProtocol;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ExpositionFormatTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "text/plain; version=0.0.4 | PROMETHEUS_TEXT",
        "text/plain; version=0.0.4; charset=utf-8 | PROMETHEUS_TEXT",
        "text/plain;version=1.0.0;escaping=underscores | PROMETHEUS_TEXT",
        "text/plain | PROMETHEUS_TEXT",
        "Text/Plain;charset=utf-8 | PROMETHEUS_TEXT",
        "'  text/plain  ;  version=0.0.4  ' | PROMETHEUS_TEXT",
        "application/openmetrics-text; version=1.0.0; charset=utf-8 | OPENMETRICS_TEXT",
        "application/openmetrics-text;version=0.0.1 | OPENMETRICS_TEXT",
        "application/openmetrics-text | OPENMETRICS_TEXT",
        "APPLICATION/OPENMETRICS-TEXT; VERSION=\"1.0.0\" | OPENMETRICS_TEXT",
        "application/openmetrics-text; version=2.0.0 | OPENMETRICS_TEXT",
        "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily;"
            + " encoding=delimited | PROMETHEUS_PROTOBUF",
        "Application/Vnd.Google.Protobuf | PROMETHEUS_PROTOBUF",
        "text/plain; charset=utf-8; | PROMETHEUS_TEXT"
      })
  void shouldChooseFormatByMediaTypeWhenContentTypeNamesOne(
      String contentType, ExpositionFormat expected) throws Exception {
    assertThat(ExpositionFormat.fromContentType(contentType, Optional.empty())).isEqualTo(expected);
  }

  @Test
  void shouldFailWithPrometheusMessageWhenContentTypeIsUnknownAndNoFallback() {
    assertThatThrownBy(() -> ExpositionFormat.fromContentType("application/json", Optional.empty()))
        .isInstanceOf(UnsupportedContentTypeException.class)
        .hasMessage(
            "received unsupported Content-Type \"application/json\" and no"
                + " fallback_scrape_protocol specified for target");
  }

  @Test
  void shouldFailWithPrometheusMessageWhenContentTypeIsBlankAndNoFallback() {
    assertThatThrownBy(() -> ExpositionFormat.fromContentType("", Optional.empty()))
        .isInstanceOf(UnsupportedContentTypeException.class)
        .hasMessage(
            "non-compliant scrape target sending blank Content-Type and no"
                + " fallback_scrape_protocol specified for target");
    assertThatThrownBy(() -> ExpositionFormat.fromContentType(null, Optional.empty()))
        .hasMessageStartingWith("non-compliant scrape target sending blank Content-Type");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "text/ | expected token after slash",
        "text/plain extra | unexpected content after media subtype",
        "text plain | expected slash after first token",
        "text(plain) | expected slash after first token",
        "; version=1 | no media type",
        "text/plain; version | invalid media parameter",
        "text/plain; version= | invalid media parameter",
        "text/plain; a=1; A=2 | duplicate parameter name"
      })
  void shouldFailWhenContentTypeCannotBeParsedAndNoFallback(String contentType, String reason) {
    assertThatThrownBy(() -> ExpositionFormat.fromContentType(contentType, Optional.empty()))
        .isInstanceOf(UnsupportedContentTypeException.class)
        .hasMessage(
            "cannot parse Content-Type \""
                + contentType
                + "\" and no fallback_scrape_protocol for target: "
                + reason);
  }

  @Test
  void shouldQuoteContentTypeAsGoDoesWhenItHasQuotes() {
    assertThatThrownBy(
            () -> ExpositionFormat.fromContentType("text/plain; v=\"1", Optional.empty()))
        .hasMessage(
            "cannot parse Content-Type \"text/plain; v=\\\"1\" and no fallback_scrape_protocol"
                + " for target: invalid media parameter");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "application/json | PROMETHEUS_TEXT_0_0_4 | PROMETHEUS_TEXT",
        "'' | PROMETHEUS_PROTO | PROMETHEUS_PROTOBUF",
        "text/ | OPENMETRICS_TEXT_1_0_0 | OPENMETRICS_TEXT",
        "text/plain | PROMETHEUS_PROTO | PROMETHEUS_TEXT"
      })
  void shouldUseFallbackOnlyWhenContentTypeIsBlankUnparsableOrUnknown(
      String contentType, ScrapeProtocol fallback, ExpositionFormat expected) throws Exception {
    assertThat(ExpositionFormat.fromContentType(contentType, Optional.of(fallback)))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(ScrapeProtocol.class)
  void shouldMapEveryScrapeProtocolToTheFormatItsMediaTypeNames(ScrapeProtocol protocol)
      throws Exception {
    String mediaRange = AcceptHeader.mediaRange(protocol);

    assertThat(ExpositionFormat.of(protocol))
        .isEqualTo(ExpositionFormat.fromContentType(mediaRange, Optional.empty()));
  }

  @Test
  void shouldCreateMatchingParserWhenAskedForOne() {
    assertThat(ExpositionFormat.PROMETHEUS_TEXT.newParser())
        .isInstanceOf(PrometheusTextParser.class);
    assertThat(ExpositionFormat.OPENMETRICS_TEXT.newParser()).isInstanceOf(OpenMetricsParser.class);
    assertThat(ExpositionFormat.PROMETHEUS_PROTOBUF.newParser(true))
        .isInstanceOf(ProtobufParser.class);
  }
}
