package io.scrapestream.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scrapestream.core.config.ScrapeProtocol;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AcceptHeaderTest {

  @Test
  void shouldWeighPrometheusDefaultOrderFromPointSixWhenOrderIsTheDefault() {
    assertThat(AcceptHeader.DEFAULT)
        .isEqualTo(
            "application/openmetrics-text;version=1.0.0;escaping=underscores;q=0.6,"
                + "application/openmetrics-text;version=0.0.1;q=0.5,"
                + "text/plain;version=1.0.0;escaping=underscores;q=0.4,"
                + "text/plain;version=0.0.4;q=0.3,"
                + "*/*;q=0.2");
  }

  @Test
  void shouldEndWithStarPointOneWhenAllFiveProtocolsAreListedProtobufFirst() {
    List<ScrapeProtocol> protoFirst =
        List.of(
            ScrapeProtocol.PROMETHEUS_PROTO,
            ScrapeProtocol.OPENMETRICS_TEXT_1_0_0,
            ScrapeProtocol.OPENMETRICS_TEXT_0_0_1,
            ScrapeProtocol.PROMETHEUS_TEXT_1_0_0,
            ScrapeProtocol.PROMETHEUS_TEXT_0_0_4);

    assertThat(AcceptHeader.of(protoFirst))
        .isEqualTo(
            "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;"
                + "encoding=delimited;q=0.6,"
                + "application/openmetrics-text;version=1.0.0;escaping=underscores;q=0.5,"
                + "application/openmetrics-text;version=0.0.1;q=0.4,"
                + "text/plain;version=1.0.0;escaping=underscores;q=0.3,"
                + "text/plain;version=0.0.4;q=0.2,"
                + "*/*;q=0.1");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "PROMETHEUS_PROTO | application/vnd.google.protobuf;"
            + "proto=io.prometheus.client.MetricFamily;encoding=delimited;q=0.6,*/*;q=0.5",
        "OPENMETRICS_TEXT_1_0_0 | application/openmetrics-text;version=1.0.0;"
            + "escaping=underscores;q=0.6,*/*;q=0.5",
        "OPENMETRICS_TEXT_0_0_1 | application/openmetrics-text;version=0.0.1;q=0.6,*/*;q=0.5",
        "PROMETHEUS_TEXT_1_0_0 | text/plain;version=1.0.0;escaping=underscores;q=0.6,*/*;q=0.5",
        "PROMETHEUS_TEXT_0_0_4 | text/plain;version=0.0.4;q=0.6,*/*;q=0.5"
      })
  void shouldAskForOneProtocolThenAnythingWhenOrderHasOneProtocol(
      ScrapeProtocol protocol, String expected) {
    assertThat(AcceptHeader.of(List.of(protocol))).isEqualTo(expected);
  }

  @Test
  void shouldRejectOrderWhenItIsEmptyOrRepeatsAProtocol() {
    assertThatThrownBy(() -> AcceptHeader.of(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scrape_protocols: must not be empty. Found: []");
    List<ScrapeProtocol> twice =
        List.of(ScrapeProtocol.PROMETHEUS_PROTO, ScrapeProtocol.PROMETHEUS_PROTO);
    assertThatThrownBy(() -> AcceptHeader.of(twice))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "scrape_protocols: must not name a protocol twice. Found: PrometheusProto again");
  }
}
