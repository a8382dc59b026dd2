package io.scrapestream.core.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.scrapestream.core.config.EnrichSettings;
import io.scrapestream.core.config.KafkaClientCertificate;
import io.scrapestream.core.config.KafkaSasl;
import io.scrapestream.core.config.KafkaSaslMechanism;
import io.scrapestream.core.config.KafkaSecurity;
import io.scrapestream.core.config.KafkaSecurityProtocol;
import io.scrapestream.core.config.KafkaSettings;
import io.scrapestream.core.config.KafkaTls;
import io.scrapestream.core.config.Secret;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KafkaClientPropertiesTest {
  private static final String CERT = "-----BEGIN CERTIFICATE-----\nA\n-----END CERTIFICATE-----\n";
  private static final String KEY = "-----BEGIN PRIVATE KEY-----\nB\n-----END PRIVATE KEY-----\n";

  @Test
  void shouldSetOnlyProtocolWhenPlaintext() {
    KafkaSettings kafka = new KafkaSettings("k:9092", "p.", Map.of());

    assertThat(KafkaClientProperties.admin(kafka, "c"))
        .isEqualTo(
            Map.of(
                "bootstrap.servers", "k:9092", "client.id", "c", "security.protocol", "PLAINTEXT"));
  }

  @Test
  void shouldBuildScramJaasConfigWhenSaslSslWithCaFile() {
    KafkaSecurity security =
        new KafkaSecurity(
            KafkaSecurityProtocol.SASL_SSL,
            Optional.of(
                new KafkaSasl(
                    KafkaSaslMechanism.SCRAM_SHA_512, "scrape\"stream", new Secret("p\\w"))),
            Optional.of(
                new KafkaTls(Optional.of(Path.of("/etc/ca.crt")), Optional.empty(), false)));
    KafkaSettings kafka = new KafkaSettings("k:9093", "p.", Map.of(), security);

    assertThat(KafkaClientProperties.admin(kafka, "c"))
        .isEqualTo(
            Map.of(
                "bootstrap.servers", "k:9093",
                "client.id", "c",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"scrape\\\"stream\" password=\"p\\\\w\";",
                "ssl.truststore.type", "PEM",
                "ssl.truststore.location", "/etc/ca.crt"));
  }

  @Test
  void shouldUsePlainLoginModuleWhenMechanismIsPlain() {
    KafkaSecurity security =
        new KafkaSecurity(
            KafkaSecurityProtocol.SASL_PLAINTEXT,
            Optional.of(new KafkaSasl(KafkaSaslMechanism.PLAIN, "u", new Secret("p"))),
            Optional.empty());

    Map<String, Object> props =
        KafkaClientProperties.producer(new KafkaSettings("k:9092", "p.", Map.of(), security), "c");

    assertThat(props)
        .containsEntry("security.protocol", "SASL_PLAINTEXT")
        .containsEntry("sasl.mechanism", "PLAIN")
        .containsEntry(
            "sasl.jaas.config",
            "org.apache.kafka.common.security.plain.PlainLoginModule required"
                + " username=\"u\" password=\"p\";")
        .doesNotContainKeys("ssl.truststore.type", "ssl.keystore.type");
  }

  @Test
  void shouldPassPemKeystoreInlineWhenClientCertificateIsSet() {
    KafkaTls tls =
        new KafkaTls(
            Optional.empty(), Optional.of(new KafkaClientCertificate(CERT, new Secret(KEY))), true);
    KafkaSecurity security =
        new KafkaSecurity(KafkaSecurityProtocol.SSL, Optional.empty(), Optional.of(tls));

    Map<String, Object> props =
        KafkaClientProperties.consumer(
            new KafkaSettings("k:9093", "p.", Map.of(), security), "c", "g");

    assertThat(props)
        .containsEntry("security.protocol", "SSL")
        .containsEntry("ssl.keystore.type", "PEM")
        .containsEntry("ssl.keystore.certificate.chain", CERT)
        .containsEntry("ssl.keystore.key", KEY)
        .containsEntry("ssl.endpoint.identification.algorithm", "")
        .doesNotContainKeys("ssl.truststore.location", "sasl.jaas.config");
  }

  @Test
  void shouldApplySecurityToEveryStreamsClientAndLetClientPropertiesOverride() {
    KafkaSecurity security =
        new KafkaSecurity(KafkaSecurityProtocol.SSL, Optional.empty(), Optional.empty());
    KafkaSettings kafka =
        new KafkaSettings(
            "k:9093", "p.", Map.of("ssl.endpoint.identification.algorithm", "https"), security);

    Map<String, Object> props = KafkaClientProperties.streams(kafka, EnrichSettings.defaults());

    assertThat(props)
        .containsEntry("security.protocol", "SSL")
        .containsEntry("ssl.endpoint.identification.algorithm", "https")
        .doesNotContainKeys("ssl.truststore.type", "ssl.keystore.type");
  }

  @Test
  void shouldLingerAndWaitForFullerFetchesWhenNoClientPropertiesOverride() {
    KafkaSettings kafka =
        new KafkaSettings(
            "k:9092",
            "p.",
            Map.of(),
            new KafkaSecurity(KafkaSecurityProtocol.PLAINTEXT, Optional.empty(), Optional.empty()));

    assertThat(KafkaClientProperties.producer(kafka, "c")).containsEntry("linger.ms", "100");
    assertThat(KafkaClientProperties.streams(kafka, EnrichSettings.defaults()))
        .containsEntry("main.consumer.fetch.min.bytes", "262144")
        .containsEntry("main.consumer.fetch.max.wait.ms", "100")
        .containsEntry("max.task.idle.ms", "-1");
  }
}
