package io.scrapestream.ingest.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScrapeClientTest {

  @ParameterizedTest
  @CsvSource({"10000, 10", "500, 0.5", "1500, 1.5", "250, 0.25", "60000, 60"})
  void shouldWriteTimeoutHeaderAsGoFormatsSecondsWhenTimeoutIsGiven(long millis, String header) {
    assertThat(ScrapeClient.seconds(Duration.ofMillis(millis))).isEqualTo(header);
  }

  @ParameterizedTest(name = "{0} vs {1} -> {2}")
  @CsvSource({
    "http://h:9100/metrics, http://h:9100/other, true",
    "http://h/metrics, http://H:80/x, true",
    "https://h/metrics, https://h:443/x, true",
    "http://h:9100/metrics, http://h:9101/metrics, false",
    "http://h:9100/metrics, http://g:9100/metrics, false",
    "http://h:443/metrics, https://h:443/metrics, false"
  })
  void shouldTreatOnlySchemeHostAndPortAsOriginWhenComparingUrls(String a, String b, boolean same) {
    assertThat(ScrapeClient.sameOrigin(URI.create(a), URI.create(b))).isEqualTo(same);
  }
}
