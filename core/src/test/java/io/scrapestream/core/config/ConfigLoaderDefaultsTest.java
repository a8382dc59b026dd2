package io.scrapestream.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigLoaderDefaultsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "# only a comment\n",
        "---\n",
        "~\n",
        "global:\nscrape_configs:\nkafka:\nscraper:\nenrich:\ntelemetry:\nbackends:\n",
        "global: {}\nscrape_configs: []\nkafka: {}\nscraper: {}\nenrich: {}\ntelemetry: {}\n"
      })
  void shouldUseAllDefaultsWhenNothingIsSet(String yaml) throws Exception {
    ScrapestreamConfig config = load(yaml);

    assertThat(config)
        .isEqualTo(
            new ScrapestreamConfig(
                new GlobalConfig(
                    Duration.ofMinutes(1),
                    Duration.ofSeconds(10),
                    Map.of(),
                    ScrapeLimits.NONE,
                    ScrapeProtocol.DEFAULT_ORDER),
                List.of(),
                new KafkaSettings("localhost:9092", "scrapestream.", Map.of()),
                new ScraperSettings("test-host"),
                new EnrichSettings("scrapestream-enrich", ProcessingGuarantee.AT_LEAST_ONCE),
                new TelemetrySettings("0.0.0.0", 9464),
                List.of(),
                AllocatorSettings.defaults()));
  }

  @Test
  void shouldApplyJobDefaultsWhenOnlyJobNameIsSet() throws Exception {
    ScrapeConfig job = load("scrape_configs:\n  - job_name: node\n").scrapeConfigs().get(0);

    assertThat(job)
        .isEqualTo(
            new ScrapeConfig(
                "node",
                Duration.ofMinutes(1),
                Duration.ofSeconds(10),
                "/metrics",
                "http",
                Map.of(),
                false,
                true,
                List.of()));
  }

  @Test
  void shouldInheritGlobalIntervalAndTimeoutWhenJobSetsNeither() throws Exception {
    ScrapeConfig job =
        load("global: {scrape_interval: 20s, scrape_timeout: 15s}\n"
                + "scrape_configs: [{job_name: a}]\n")
            .scrapeConfigs()
            .get(0);

    assertThat(List.of(job.scrapeInterval(), job.scrapeTimeout()))
        .containsExactly(Duration.ofSeconds(20), Duration.ofSeconds(15));
  }

  @Test
  void shouldCapInheritedTimeoutToJobIntervalWhenJobIntervalIsShorter() throws Exception {
    ScrapeConfig job =
        load("scrape_configs: [{job_name: a, scrape_interval: 5s}]\n").scrapeConfigs().get(0);

    assertThat(List.of(job.scrapeInterval(), job.scrapeTimeout()))
        .containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
  }

  @Test
  void shouldCapDefaultGlobalTimeoutWhenGlobalIntervalIsShorter() throws Exception {
    GlobalConfig global = load("global: {scrape_interval: 4s}\n").global();

    assertThat(global.scrapeTimeout()).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void shouldKeepJobTimeoutWhenItEqualsTheInterval() throws Exception {
    ScrapeConfig job =
        load("scrape_configs: [{job_name: a, scrape_interval: 30s, scrape_timeout: 30s}]\n")
            .scrapeConfigs()
            .get(0);

    assertThat(job.scrapeTimeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void shouldTreatZeroAsNotSetWhenIntervalOrTimeoutIsZero() throws Exception {
    ScrapestreamConfig config =
        load(
            "global: {scrape_interval: 0s, scrape_timeout: 0}\n"
                + "scrape_configs: [{job_name: a, scrape_interval: 0, scrape_timeout: 0s}]\n");

    assertThat(List.of(config.global().scrapeInterval(), config.global().scrapeTimeout()))
        .containsExactly(Duration.ofMinutes(1), Duration.ofSeconds(10));
    assertThat(config.scrapeConfigs().get(0).scrapeInterval()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void shouldUseBatchDefaultsWhenBackendHasNoBatch() throws Exception {
    BackendConfig backend =
        load("backends: [{name: out, file: {path: /tmp/x}}]\n").backends().get(0);

    assertThat(backend.batch()).isEqualTo(new BatchSettings(5000, Duration.ofSeconds(1)));
  }

  @Test
  void shouldUseRemoteWriteDefaultsWhenOnlyUrlIsSet() throws Exception {
    BackendConfig backend =
        load("backends: [{name: p, remote_write: {url: 'https://h/api/v1/write'}}]\n")
            .backends()
            .get(0);

    assertThat(backend.exporter())
        .isEqualTo(
            new RemoteWriteConfig(
                URI.create("https://h/api/v1/write"), Duration.ofSeconds(30), Map.of()));
  }

  @Test
  void shouldNotAskForHostNameWhenScraperIdIsSet() throws Exception {
    ScrapestreamConfig config =
        ConfigLoader.load(
            "scraper: {id: s-1}\n",
            "test.yaml",
            Map.of(),
            () -> {
              throw new AssertionError("host name asked for");
            });

    assertThat(config.scraper().id()).isEqualTo("s-1");
  }

  @Test
  void shouldIgnoreByteOrderMarkWhenFileStartsWithOne(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bom.yaml");
    Files.writeString(file, "\uFEFFscraper: {id: s-2}\n");

    assertThat(ConfigLoader.load(file, Map.of()).scraper().id()).isEqualTo("s-2");
  }

  private static ScrapestreamConfig load(String yaml) throws ConfigException {
    return ConfigLoader.load(yaml, "test.yaml", Map.of(), () -> "test-host");
  }
}
