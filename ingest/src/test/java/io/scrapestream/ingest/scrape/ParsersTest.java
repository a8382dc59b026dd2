package io.scrapestream.ingest.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scrapestream.core.config.ScrapeProtocol;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParsersTest {

  @Test
  void shouldUseFallbackWhenContentTypeIsBlankOrUnknown() throws Exception {
    Parsers parsers = new Parsers(Optional.of(ScrapeProtocol.PROMETHEUS_TEXT_0_0_4));

    assertThat(parsers.forContentType(""))
        .isSameAs(parsers.forContentType("application/json"))
        .isSameAs(parsers.forContentType("text/plain; version=0.0.4"));
  }

  @Test
  void shouldFailLikePrometheusWhenContentTypeIsBlankWithoutFallback() {
    assertThatThrownBy(() -> new Parsers(Optional.empty()).forContentType(""))
        .hasMessage(
            "non-compliant scrape target sending blank Content-Type and no"
                + " fallback_scrape_protocol specified for target");
  }

  @Test
  void shouldNameFallbackWhenItHasNoParser() {
    assertThatThrownBy(
            () ->
                new Parsers(Optional.of(ScrapeProtocol.PROMETHEUS_PROTO))
                    .forContentType("application/json"))
        .hasMessage(
            "received unsupported Content-Type \"application/json\" and"
                + " fallback_scrape_protocol PrometheusProto has no parser");
  }
}
