package io.scrapestream.ingest.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostnameMatcherTest {

  @ParameterizedTest(name = "{0} vs {1} -> {2}")
  @CsvSource({
    "scrape.test, scrape.test, true",
    "scrape.test, SCRAPE.test., true",
    "*.scrape.test, a.scrape.test, true",
    "*.scrape.test, a.b.scrape.test, false",
    "*.scrape.test, scrape.test, false",
    "a.scrape.test, b.scrape.test, false"
  })
  void shouldMatchNameLikeGoWhenCertificateHasDnsName(String pattern, String host, boolean match) {
    assertThat(HostnameMatcher.matches(pattern, host)).isEqualTo(match);
  }
}
