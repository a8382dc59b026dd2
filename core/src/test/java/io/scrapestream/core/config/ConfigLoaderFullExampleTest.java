package io.scrapestream.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.core.relabel.RelabelAction;
import io.scrapestream.core.relabel.RelabelConfig;
import io.scrapestream.core.relabel.RelabelRegex;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderFullExampleTest {
  private static final Map<String, String> ENV = Map.of("CLUSTER", "c1", "TOKEN", "s3cr3t");

  @Test
  void shouldReadEveryFieldWhenAllSectionsAreGiven() throws Exception {
    ScrapestreamConfig config = ConfigLoader.load(resource("/config/full.yaml"), ENV);

    assertThat(config).isEqualTo(expected());
  }

  @Test
  void shouldKeepParamsAndHeadersInWrittenOrderWhenRead() throws Exception {
    ScrapestreamConfig config = ConfigLoader.load(resource("/config/full.yaml"), ENV);

    assertThat(config.scrapeConfigs().get(0).params())
        .containsExactly(
            Map.entry("module", List.of("if_mib")), Map.entry("target", List.of("a", "b")));
    RemoteWriteConfig remoteWrite = (RemoteWriteConfig) config.backends().get(0).exporter();
    assertThat(remoteWrite.headers())
        .containsExactly(
            Map.entry("X-Scope-OrgID", "team"), Map.entry("Authorization", "Bearer s3cr3t"));
  }

  @Test
  void shouldSortLabelsByNameWhenRead() throws Exception {
    ScrapestreamConfig config = ConfigLoader.load(resource("/config/full.yaml"), ENV);

    assertThat(config.global().externalLabels().keySet()).containsExactly("cluster", "region");
  }

  private static ScrapestreamConfig expected() {
    return new ScrapestreamConfig(
        new GlobalConfig(
            Duration.ofSeconds(30),
            Duration.ofSeconds(20),
            Map.of("region", "eu", "cluster", "c1"),
            ScrapeLimits.NONE,
            ScrapeProtocol.DEFAULT_ORDER),
        List.of(expectedNodeJob(), expectedNumericNameJob()),
        new KafkaSettings(
            "broker-1:9092,broker-2:9092",
            "prod.",
            Map.of("security.protocol", "SASL_SSL", "linger.ms", "10")),
        new ScraperSettings("scraper-0"),
        new EnrichSettings("enrich-prod", ProcessingGuarantee.EXACTLY_ONCE_V2),
        new TelemetrySettings("::1", 0),
        expectedBackends(),
        AllocatorSettings.defaults());
  }

  private static ScrapeConfig expectedNodeJob() {
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("module", List.of("if_mib"));
    params.put("target", List.of("a", "b"));
    List<StaticConfig> staticConfigs =
        List.of(
            new StaticConfig(
                List.of("localhost:9100", "10.0.0.1:9100", "[::1]:9100"),
                Map.of("env", "dev", "version", "1.10")),
            new StaticConfig(List.of("node-2.example.com:9100"), Map.of()));
    return new ScrapeConfig(
        "node",
        Duration.ofSeconds(15),
        Duration.ofSeconds(5),
        "/probe",
        "https",
        params,
        true,
        false,
        true,
        staticConfigs,
        List.of(
            new RelabelConfig(
                List.of("__address__"),
                ";",
                RelabelRegex.compile("([^:]+):\\d+"),
                0,
                "host",
                "$1",
                RelabelAction.REPLACE),
            new RelabelConfig(
                List.of(),
                ";",
                RelabelRegex.compile("version"),
                0,
                "",
                "$1",
                RelabelAction.LABELDROP)),
        List.of(
            new RelabelConfig(
                List.of("__name__"),
                ";",
                RelabelRegex.compile("go_.*"),
                0,
                "",
                "$1",
                RelabelAction.DROP)),
        DiscoveryConfigs.none(),
        ScrapeHttpConfig.DEFAULT,
        ScrapeLimits.NONE,
        ScrapeFormat.DEFAULT,
        List.of());
  }

  /** A job named by a YAML integer, with everything inherited from global. */
  private static ScrapeConfig expectedNumericNameJob() {
    return new ScrapeConfig(
        "9100",
        Duration.ofSeconds(30),
        Duration.ofSeconds(20),
        "/metrics",
        "http",
        Map.of(),
        false,
        true,
        List.of());
  }

  private static List<BackendConfig> expectedBackends() {
    RemoteWriteConfig remoteWrite =
        new RemoteWriteConfig(
            URI.create("http://localhost:9090/api/v1/write"),
            Duration.ofMinutes(1),
            Map.of("X-Scope-OrgID", "team", "Authorization", "Bearer s3cr3t"));
    return List.of(
        new BackendConfig(
            "prometheus", remoteWrite, new BatchSettings(100, Duration.ofMillis(250))),
        new BackendConfig(
            "local",
            new FileExporterConfig(Path.of("./data/samples.jsonl")),
            BatchSettings.defaults()));
  }

  static Path resource(String name) {
    try {
      return Path.of(ConfigLoaderFullExampleTest.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
