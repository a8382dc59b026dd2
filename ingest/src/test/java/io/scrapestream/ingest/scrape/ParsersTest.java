package io.scrapestream.ingest.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scrapestream.core.config.ScrapeFormat;
import io.scrapestream.core.config.ScrapeProtocol;
import io.scrapestream.ingest.parse.ProtobufParser;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParsersTest {

  @Test
  void shouldUseFallbackWhenContentTypeIsBlankOrUnknown() throws Exception {
    Parsers parsers = new Parsers(format(Optional.of(ScrapeProtocol.PROMETHEUS_TEXT_0_0_4)));

    assertThat(parsers.forContentType(""))
        .isSameAs(parsers.forContentType("application/json"))
        .isSameAs(parsers.forContentType("text/plain; version=0.0.4"));
  }

  @Test
  void shouldFailLikePrometheusWhenContentTypeIsBlankWithoutFallback() {
    assertThatThrownBy(() -> new Parsers(format(Optional.empty())).forContentType(""))
        .isInstanceOf(ScrapeException.class)
        .hasMessage(
            "non-compliant scrape target sending blank Content-Type and no"
                + " fallback_scrape_protocol specified for target");
  }

  @Test
  void shouldFailLikePrometheusWhenContentTypeIsUnknownWithoutFallback() {
    assertThatThrownBy(() -> new Parsers(format(Optional.empty())).forContentType("text/html"))
        .isInstanceOf(ScrapeException.class)
        .hasMessage(
            "received unsupported Content-Type \"text/html\" and no fallback_scrape_protocol"
                + " specified for target");
  }

  @Test
  void shouldParseProtobufWhenTheFallbackIsPrometheusProto() throws Exception {
    Parsers parsers = new Parsers(format(Optional.of(ScrapeProtocol.PROMETHEUS_PROTO)));

    assertThat(parsers.forContentType("application/json")).isInstanceOf(ProtobufParser.class);
  }

  private static ScrapeFormat format(Optional<ScrapeProtocol> fallback) {
    return new ScrapeFormat(ScrapeProtocol.DEFAULT_ORDER, fallback, false);
  }
}
