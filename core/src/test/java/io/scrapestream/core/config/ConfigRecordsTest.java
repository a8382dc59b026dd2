package io.scrapestream.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigRecordsTest {
  private static final Duration SECOND = Duration.ofSeconds(1);

  @Test
  void shouldPrefixTopicNameWhenTopicIsAsked() {
    KafkaSettings kafka = new KafkaSettings("k:9092", "prod.", Map.of());

    assertThat(kafka.topic("samples.raw")).isEqualTo("prod.samples.raw");
  }

  @Test
  void shouldGiveKafkaValueWhenGuaranteeIsAsked() {
    assertThat(ProcessingGuarantee.AT_LEAST_ONCE.kafkaValue()).isEqualTo("at_least_once");
    assertThat(ProcessingGuarantee.EXACTLY_ONCE_V2.kafkaValue()).isEqualTo("exactly_once_v2");
    assertThat(ProcessingGuarantee.fromKafkaValue("exactly_once_v2"))
        .contains(ProcessingGuarantee.EXACTLY_ONCE_V2);
    assertThat(ProcessingGuarantee.fromKafkaValue("exactly_once")).isEmpty();
  }

  @Test
  void shouldRejectTimeoutWhenItExceedsInterval() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new GlobalConfig(
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(30),
                    Map.of(),
                    ScrapeLimits.NONE,
                    ScrapeProtocol.DEFAULT_ORDER))
        .withMessage("scrapeTimeout must not exceed scrapeInterval (10s). Found: 30s");
  }

  @Test
  void shouldRejectLabelNameWhenItIsReserved() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new StaticConfig(List.of("h:1"), Map.of("__x", "v")))
        .withMessage(
            "labels name must match [a-zA-Z_][a-zA-Z0-9_]* and not start with \"__\"."
                + " Found: \"__x\"");
  }

  @Test
  void shouldRejectTargetWhenPortIsMissing() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new StaticConfig(List.of("localhost"), Map.of()))
        .withMessage("target must be host:port with a port in 1..65535. Found: \"localhost\"");
  }

  @Test
  void shouldRejectSchemeWhenNotHttpOrHttps() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new ScrapeConfig(
                    "j", SECOND, SECOND, "/m", "ftp", Map.of(), false, true, List.of()))
        .withMessage("scheme must be one of: http, https. Found: \"ftp\"");
  }

  @Test
  void shouldRejectUrlWhenNotHttp() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new RemoteWriteConfig(URI.create("file:/tmp/x"), SECOND, Map.of()))
        .withMessage("url must be an absolute http or https URL. Found: \"file:/tmp/x\"");
  }

  @Test
  void shouldRejectBatchWhenMaxSamplesIsZero() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new BatchSettings(0, SECOND))
        .withMessage("maxSamples must be greater than 0. Found: 0");
  }

  @Test
  void shouldRejectNullWhenComponentIsMissing() {
    assertThatNullPointerException()
        .isThrownBy(() -> new FileExporterConfig(null))
        .withMessage("path must not be null");
  }

  @Test
  void shouldRejectNullValueWhenMapHoldsOne() {
    Map<String, String> headers = new HashMap<>();
    headers.put("X-A", null);

    assertThatNullPointerException()
        .isThrownBy(() -> new RemoteWriteConfig(URI.create("http://h/w"), SECOND, headers))
        .withMessage("headers must not hold null keys or values. Found: X-A=null");
  }

  @Test
  void shouldRejectDuplicateBackendWhenNamesRepeat() {
    BackendConfig backend =
        new BackendConfig("b", new FileExporterConfig(Path.of("x")), BatchSettings.defaults());
    ScrapestreamConfig defaults = ScrapestreamConfig.defaults();

    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new ScrapestreamConfig(
                    defaults.global(),
                    List.of(),
                    defaults.kafka(),
                    defaults.scraper(),
                    defaults.enrich(),
                    defaults.telemetry(),
                    List.of(backend, backend),
                    defaults.allocator()))
        .withMessage("backend name must be unique. Found: \"b\" twice");
  }

  @Test
  void shouldHideHeaderValuesWhenRemoteWriteIsPrinted() {
    RemoteWriteConfig config =
        new RemoteWriteConfig(
            URI.create("https://h/w"), SECOND, Map.of("Authorization", "Bearer secret"));

    assertThat(config)
        .hasToString(
            "RemoteWriteConfig[url=https://h/w, timeout=1s, headers=[Authorization],"
                + " protocolVersion=1, sendMetadata=false, sendNativeHistograms=false,"
                + " sigv4=none]");
  }

  @Test
  void shouldCopyCollectionsWhenConstructed() {
    Map<String, String> labels = new HashMap<>(Map.of("a", "1"));
    StaticConfig config = new StaticConfig(List.of("h:1"), labels);
    labels.put("b", "2");

    assertThat(config.labels()).isEqualTo(Map.of("a", "1"));
    assertThatThrownBy(() -> config.labels().put("c", "3"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void shouldFindJobAndBackendByNameWhenPresent() throws Exception {
    ScrapestreamConfig config =
        ConfigLoader.load(
            "scrape_configs: [{job_name: a}]\nbackends: [{name: b, file: {path: x}}]\n",
            "t.yaml",
            Map.of(),
            () -> "h");

    assertThat(config.scrapeConfig("a").map(ScrapeConfig::jobName)).contains("a");
    assertThat(config.scrapeConfig("z")).isEmpty();
    assertThat(config.backend("b").map(BackendConfig::name)).contains("b");
  }

  @Test
  void shouldWriteListenAddressWithBracketsWhenHostIsIpv6() {
    assertThat(new TelemetrySettings("::1", 9464).listenAddress()).isEqualTo("[::1]:9464");
    assertThat(TelemetrySettings.defaults().listenAddress()).isEqualTo("0.0.0.0:9464");
  }
}
