package io.scrapestream.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderDiscoveryTest {
  @TempDir Path dir;

  @Test
  void shouldApplyPrometheusDefaultsWhenDiscoveryEntriesSetOnlyRequiredKeys() throws Exception {
    ScrapeConfig job =
        job(
            """
            file_sd_configs: [{files: [targets/*.json, extra.yml]}]
            http_sd_configs: [{url: "http://sd.example:8080/targets"}]
            dns_sd_configs: [{names: [_node._tcp.example.com]}]
            """);

    assertThat(job.discovery())
        .isEqualTo(
            new DiscoveryConfigs(
                List.of(
                    new FileSdConfig(
                        List.of("targets/*.json", "extra.yml"), Duration.ofMinutes(5))),
                List.of(
                    new HttpSdConfig(
                        URI.create("http://sd.example:8080/targets"), Duration.ofSeconds(60))),
                List.of(
                    new DnsSdConfig(
                        List.of("_node._tcp.example.com"),
                        DnsRecordType.SRV,
                        0,
                        Duration.ofSeconds(30)))));
  }

  @Test
  void shouldReadEveryKeyWhenDiscoveryEntriesSetThem() throws Exception {
    ScrapeConfig job =
        job(
            """
            file_sd_configs: [{files: [a.yaml], refresh_interval: 1m}]
            http_sd_configs: [{url: "https://sd/x", refresh_interval: 15s}]
            dns_sd_configs: [{names: [a.example, b.example], type: aaaa, port: 9100, refresh_interval: 10s}]
            """);

    assertThat(job.discovery().fileSdConfigs().get(0).refreshInterval())
        .isEqualTo(Duration.ofMinutes(1));
    assertThat(job.discovery().httpSdConfigs().get(0).refreshInterval())
        .isEqualTo(Duration.ofSeconds(15));
    assertThat(job.discovery().dnsSdConfigs())
        .containsExactly(
            new DnsSdConfig(
                List.of("a.example", "b.example"),
                DnsRecordType.AAAA,
                9100,
                Duration.ofSeconds(10)));
  }

  @Test
  void shouldReportEachProblemWithItsPathWhenDiscoveryEntriesAreWrong() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                job(
                    """
                    file_sd_configs: [{files: ["*/a.json"]}, {}, {files: [b.txt], refresh_interval: 0s}]
                    http_sd_configs: [{url: "ftp://x/"}, {}]
                    dns_sd_configs: [{names: [a], type: A}, {names: [b], type: TXT}, {type: SRV}]
                    """));

    String job = "scrape_configs[0].";
    assertThat(e.problems())
        .containsExactly(
            job
                + "file_sd_configs[0].files[0]: must be a .json, .yml or .yaml path with * only"
                + " in its last element. Found: \"*/a.json\"",
            job + "file_sd_configs[1].files: must list at least one file pattern. Found: nothing",
            job
                + "file_sd_configs[2].files[0]: must be a .json, .yml or .yaml path with * only"
                + " in its last element. Found: \"b.txt\"",
            job + "file_sd_configs[2].refresh_interval: must be greater than 0s. Found: 0s",
            job
                + "http_sd_configs[0].url: must be an absolute http or https URL. Found: \"ftp://x/\"",
            job + "http_sd_configs[1].url: must be set. Found: nothing",
            job + "dns_sd_configs[0].port: must be set (1..65535) for A records. Found: nothing",
            job + "dns_sd_configs[1].type: must be one of: SRV, A, AAAA, MX, NS. Found: \"TXT\"",
            job + "dns_sd_configs[2].names: must list at least one DNS name. Found: nothing");
  }

  @Test
  void shouldNeverShowTheValueWhenASecretIsPrinted() {
    Secret secret = new Secret("hunter2");

    assertThat(secret).hasToString("<secret>");
    assertThat(new SecretSource.Inline(secret).toString()).isEqualTo("Inline[secret=<secret>]");
    assertThat(secret.matches("hunter2")).isTrue();
    assertThat(secret.matches("hunter3")).isFalse();
  }

  private ScrapeConfig job(String keys) throws ConfigException {
    String indented = keys.lines().map(line -> "    " + line + "\n").reduce("", String::concat);
    return ConfigLoader.load("scrape_configs:\n  - job_name: j\n" + indented, "test.yaml", Map.of())
        .scrapeConfigs()
        .get(0);
  }
}
