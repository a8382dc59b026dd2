package io.scrapestream.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.scrapestream.core.config.ConfigLoader;
import io.scrapestream.core.config.KafkaSaslMechanism;
import io.scrapestream.core.config.KafkaSecurityProtocol;
import io.scrapestream.core.config.RemoteWriteConfig;
import io.scrapestream.core.config.ScrapestreamConfig;
import io.scrapestream.core.config.Secret;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The config the chart renders, loaded strictly by core.config's ConfigLoader: a key the chart
 * writes that the loader does not know fails here. Files the config names under /etc/scrapestream
 * are created in a temporary directory standing for the mounted Secrets.
 */
class RenderedConfigTest {
  static final String POD = "ss-scrapestream-scraper-0";
  static final String CERT = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
  static final String KEY = "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n";

  @TempDir Path etc;

  @ParameterizedTest
  @ValueSource(strings = {"defaults", "prometheus-otlp", "elasticsearch"})
  void shouldLoadWithoutProblemsWhenRenderedFromValues(String values) throws Exception {
    List<HasMetadata> resources =
        values.equals("defaults") ? Chart.defaults() : Chart.example(values);

    ScrapestreamConfig config = load(resources);

    assertThat(config.scraper().id()).isEqualTo(POD);
    assertThat(config.telemetry().listenAddress()).isEqualTo("0.0.0.0:9464");
    assertThat(config.backends()).hasSize(1);
  }

  @Test
  void shouldListTheStatefulSetPodsAsScrapersWhenDefaults() throws Exception {
    ScrapestreamConfig config = load(Chart.defaults());

    assertThat(config.allocator().scrapers())
        .containsExactly("ss-scrapestream-scraper-0", "ss-scrapestream-scraper-1");
    assertThat(config.allocator().listenAddress()).isEqualTo("0.0.0.0:8080");
    assertThat(config.scraper().allocator().orElseThrow().url())
        .isEqualTo(URI.create("http://ss-scrapestream-allocator.metrics.svc:8080"));
    assertThat(config.scraper().allocator().orElseThrow().collectorId()).isEqualTo(POD);
    assertThat(config.kafka().bootstrapServers()).isEqualTo("kafka-kafka-bootstrap.kafka.svc:9092");
    assertThat(config.kafka().security().protocol()).isEqualTo(KafkaSecurityProtocol.PLAINTEXT);
  }

  @Test
  void shouldReadKafkaCredentialsFromMountedSecretsWhenSaslSsl() throws Exception {
    ScrapestreamConfig config = load(Chart.example("elasticsearch"));

    var security = config.kafka().security();
    assertThat(security.protocol()).isEqualTo(KafkaSecurityProtocol.SASL_SSL);
    assertThat(security.sasl().orElseThrow().mechanism())
        .isEqualTo(KafkaSaslMechanism.SCRAM_SHA_256);
    assertThat(security.sasl().orElseThrow().username()).isEqualTo("scrapestream");
    assertThat(security.sasl().orElseThrow().password()).isEqualTo(new Secret("sasl-password"));
    assertThat(security.tls().orElseThrow().caFile()).contains(etc.resolve("kafka/ca/ca.crt"));
  }

  @Test
  void shouldPresentTheKafkaUserCertificateWhenMutualTls() throws Exception {
    ScrapestreamConfig config = load(Chart.example("prometheus-otlp"));

    var tls = config.kafka().security().tls().orElseThrow();
    assertThat(config.kafka().security().protocol()).isEqualTo(KafkaSecurityProtocol.SSL);
    assertThat(tls.clientCertificate().orElseThrow().certificateChain()).isEqualTo(CERT);
    assertThat(tls.clientCertificate().orElseThrow().privateKey()).isEqualTo(new Secret(KEY));
  }

  @Test
  void shouldSignWithSigV4ForAmpWhenAmpExample() throws Exception {
    ScrapestreamConfig config = load(Chart.example("amp-irsa"));

    RemoteWriteConfig amp = (RemoteWriteConfig) config.backends().get(0).exporter();
    assertThat(amp.sigv4()).isPresent();
    assertThat(amp.sigv4().orElseThrow().serviceName()).isEqualTo("aps");
  }

  @Test
  void shouldGiveTheTopicsJobTheSameConfigWhenDefaults() {
    List<HasMetadata> resources = Chart.defaults();

    assertThat(configText(resources, "ss-scrapestream-topics"))
        .isEqualTo(configText(resources, "ss-scrapestream-config"));
  }

  private ScrapestreamConfig load(List<HasMetadata> resources) throws Exception {
    Files.createDirectories(etc.resolve("kafka/sasl"));
    Files.createDirectories(etc.resolve("kafka/ca"));
    Files.createDirectories(etc.resolve("kafka/client"));
    Files.writeString(etc.resolve("kafka/sasl/password"), "sasl-password\n");
    Files.writeString(etc.resolve("kafka/ca/ca.crt"), CERT);
    Files.writeString(etc.resolve("kafka/client/tls.crt"), CERT);
    Files.writeString(etc.resolve("kafka/client/tls.key"), KEY);
    String yaml =
        configText(resources, "ss-scrapestream-config", "scrapestream-config")
            .replace("/etc/scrapestream/", etc + "/");
    return ConfigLoader.load(
        yaml, "config.yaml", Map.of("SCRAPESTREAM_SCRAPER_ID", POD, "ES_API_KEY", "es-key"));
  }

  static String configText(List<HasMetadata> resources, String... names) {
    return Chart.ofKind(resources, ConfigMap.class).stream()
        .filter(cm -> List.of(names).contains(cm.getMetadata().getName()))
        .findFirst()
        .orElseThrow()
        .getData()
        .get("config.yaml");
  }
}
