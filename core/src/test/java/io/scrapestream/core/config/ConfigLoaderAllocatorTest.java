package io.scrapestream.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderAllocatorTest {
  @TempDir Path dir;

  @Test
  void shouldUseDefaultsWhenAllocatorSectionIsMissing() throws Exception {
    AllocatorSettings settings = load("").allocator();

    assertThat(settings).isEqualTo(AllocatorSettings.defaults());
    assertThat(settings.listenAddress()).isEqualTo("0.0.0.0:8080");
    assertThat(settings.strategy()).isEqualTo(AllocationStrategyName.CONSISTENT_HASHING);
    assertThat(settings.refreshInterval()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void shouldReadEveryKeyWhenAllocatorSectionSetsThem() throws Exception {
    Path tokenFile = Files.writeString(dir.resolve("token"), "from-file\n");
    AllocatorSettings settings =
        load("""
                allocator:
                  listen_address: 127.0.0.1:9090
                  strategy: least-weighted
                  scrapers: [scraper-0, scraper-1]
                  refresh_interval: 2s
                  api_tokens: [{token: inline}, {token_file: %s}]
                  tls:
                    listen_address: "[::1]:9443"
                    cert_file: /etc/tls/server.crt
                    key_file: /etc/tls/server.key
                    client_ca_file: /etc/tls/ca.crt
                """
                .formatted(tokenFile))
            .allocator();

    assertThat(settings)
        .isEqualTo(
            new AllocatorSettings(
                "127.0.0.1",
                9090,
                AllocationStrategyName.LEAST_WEIGHTED,
                List.of("scraper-0", "scraper-1"),
                Duration.ofSeconds(2),
                List.of(new Secret("inline"), new Secret("from-file")),
                Optional.of(
                    new AllocatorTls(
                        "::1",
                        9443,
                        Path.of("/etc/tls/server.crt"),
                        Path.of("/etc/tls/server.key"),
                        Optional.of(Path.of("/etc/tls/ca.crt")))),
                KubernetesAllocatorSettings.defaults()));
    assertThat(settings.tls().orElseThrow().listenAddress()).isEqualTo("[::1]:9443");
  }

  @Test
  void shouldReportEachProblemWithItsPathWhenAllocatorSectionIsWrong() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                load(
                    """
                    allocator:
                      listen_address: nowhere
                      strategy: random
                      scrapers: [a, a, "b c"]
                      refresh_interval: 0s
                      api_tokens: [{}]
                      tls: {cert_file: x.crt}
                      leader: true
                    """));

    assertThat(e.problems())
        .containsExactly(
            "allocator.listen_address: must be host:port with a port in 0..65535. Found: \"nowhere\"",
            "allocator.strategy: must be one of: consistent-hashing, least-weighted, per-node."
                + " Found: \"random\"",
            "allocator.scrapers[2]: must be non-empty without whitespace. Found: \"b c\"",
            "allocator.scrapers: must not repeat a scraper. Found: \"a\" twice",
            "allocator.refresh_interval: must be greater than 0s. Found: 0s",
            "allocator.api_tokens[0].token: must be set, or token_file. Found: nothing",
            "allocator.tls.key_file: must be set. Found: nothing",
            "allocator.leader: unknown key. Expected one of: listen_address, strategy, scrapers,"
                + " refresh_interval, api_tokens, kubernetes, monitors, tls");
  }

  @Test
  void shouldRejectRepeatedScrapersWhenTheRecordIsBuiltDirectly() {
    assertThatThrownBy(
            () ->
                new AllocatorSettings(
                    "0.0.0.0",
                    8080,
                    AllocationStrategyName.PER_NODE,
                    List.of("a", "a"),
                    Duration.ofSeconds(1),
                    List.of(),
                    Optional.empty(),
                    KubernetesAllocatorSettings.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scrapers must be unique. Found: [a, a]");
  }

  @Test
  void shouldNotShowTokensWhenSettingsArePrinted() throws Exception {
    AllocatorSettings settings = load("allocator: {api_tokens: [{token: hunter2}]}\n").allocator();

    assertThat(settings.toString()).contains("apiTokens=[<secret>]").doesNotContain("hunter2");
  }

  private static ScrapestreamConfig load(String yaml) throws ConfigException {
    return ConfigLoader.load(yaml, "test.yaml", Map.of());
  }
}
