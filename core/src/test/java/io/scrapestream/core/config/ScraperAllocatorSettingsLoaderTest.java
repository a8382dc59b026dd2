package io.scrapestream.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScraperAllocatorSettingsLoaderTest {
  @Test
  void shouldReadEveryKeyWhenAllocatorSectionIsComplete() throws Exception {
    ScraperSettings scraper =
        load(
                """
                scraper:
                  id: s-1
                  allocator:
                    url: https://allocator:8443
                    collector_id: c-1
                    refresh_interval: 5s
                    timeout: 2s
                    authorization: {credentials: tok}
                """,
                Map.of())
            .scraper();

    ScraperAllocatorSettings allocator = scraper.allocator().orElseThrow();
    assertThat(allocator.url()).isEqualTo(URI.create("https://allocator:8443"));
    assertThat(allocator.collectorId()).isEqualTo("c-1");
    assertThat(allocator.refreshInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(allocator.timeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(allocator.http().auth())
        .isEqualTo(new HttpAuth.Authorization("Bearer", Optional.of(SecretSource.inline("tok"))));
  }

  @Test
  void shouldUsePodNameAndOtelDefaultsWhenOnlyUrlIsSet() throws Exception {
    ScraperAllocatorSettings allocator =
        load("scraper: {id: s-1, allocator: {url: 'http://a:8080'}}\n", Map.of("POD_NAME", "p-0"))
            .scraper()
            .allocator()
            .orElseThrow();

    assertThat(allocator)
        .isEqualTo(new ScraperAllocatorSettings(URI.create("http://a:8080"), "p-0"));
  }

  @Test
  void shouldUseScraperIdWhenPodNameIsNotSet() throws Exception {
    assertThat(
            load("scraper: {allocator: {url: 'http://a:8080'}}\n", Map.of())
                .scraper()
                .allocator()
                .orElseThrow()
                .collectorId())
        .isEqualTo("host");
  }

  @Test
  void shouldCapTimeoutWhenRefreshIntervalIsShorterThanTenSeconds() throws Exception {
    assertThat(
            load("scraper: {allocator: {url: 'http://a:8080', refresh_interval: 1s}}\n", Map.of())
                .scraper()
                .allocator()
                .orElseThrow()
                .timeout())
        .isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void shouldHaveNoAllocatorWhenSectionIsAbsent() throws Exception {
    assertThat(load("scraper: {id: s-1}\n", Map.of()).scraper().allocator()).isEmpty();
  }

  @Test
  void shouldReportEveryProblemWhenAllocatorSectionIsWrong() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                load(
                    """
                    scraper:
                      allocator:
                        url: ftp://a
                        collector_id: "a b"
                        refresh_interval: 2s
                        timeout: 3s
                        colector_id: x
                    """,
                    Map.of()));

    assertThat(e.problems())
        .containsExactly(
            "scraper.allocator.url: must be an absolute http or https URL. Found: \"ftp://a\"",
            "scraper.allocator.collector_id: must be non-empty without whitespace. Found: \"a b\"",
            "scraper.allocator.timeout: must not exceed refresh_interval (2s). Found: 3s",
            "scraper.allocator.colector_id: unknown key. Expected one of: url, collector_id,"
                + " refresh_interval, timeout, basic_auth, authorization, bearer_token,"
                + " bearer_token_file, tls_config, proxy_url, no_proxy, proxy_from_environment,"
                + " proxy_connect_header, follow_redirects, enable_http2, enable_compression");
  }

  @Test
  void shouldReportMissingUrlWhenSectionHasNone() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> load("scraper: {allocator: {}}\n", Map.of()));

    assertThat(e.problems()).containsExactly("scraper.allocator.url: must be set. Found: nothing");
  }

  @Test
  void shouldRefuseSettingsWhenUrlHasQuery() {
    assertThatThrownBy(() -> new ScraperAllocatorSettings(URI.create("http://a:8080/?x=1"), "c-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("url must not have a query or fragment. Found: http://a:8080/?x=1");
  }

  private static ScrapestreamConfig load(String yaml, Map<String, String> env)
      throws ConfigException {
    return ConfigLoader.load(yaml, "test.yaml", env, () -> "host");
  }
}
