package io.scrapestream.testsupport.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.scrapestream.broker.BrokerSettings;
import io.scrapestream.broker.EmbeddedKafkaBroker;
import io.scrapestream.broker.SaslSslListener;
import io.scrapestream.core.config.ConfigLoader;
import io.scrapestream.core.config.KafkaSettings;
import io.scrapestream.core.kafka.KafkaClientProperties;
import io.scrapestream.testsupport.tls.SelfSignedCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients configured from Scrapestream's YAML ({@code kafka.security_protocol: SASL_SSL}, SCRAM,
 * PEM CA and client certificate) against a real broker whose SASL_SSL listener requires SCRAM and a
 * client certificate.
 */
@Timeout(180)
class KafkaSaslSslIT {
  private static final String USER = "scrapestream";
  private static final String PASSWORD = "correct horse battery";

  @TempDir static Path dir;
  private static EmbeddedKafkaBroker broker;
  private static SelfSignedCertificate server;
  private static SelfSignedCertificate client;

  @BeforeAll
  static void startBroker() throws Exception {
    server = SelfSignedCertificate.generate(dir, "broker");
    client = SelfSignedCertificate.generate(dir, "client");
    SaslSslListener listener =
        new SaslSslListener(
            0,
            "SCRAM-SHA-512",
            USER,
            PASSWORD,
            server.certificatePem(),
            server.privateKeyPem(),
            Optional.of(client.certificatePem()));
    broker =
        EmbeddedKafkaBroker.start(
            BrokerSettings.inDirectory(Files.createDirectory(dir.resolve("kafka")))
                .withSaslSsl(listener));
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void shouldProduceAndConsumeWhenClientsUseSaslSslAndClientCertificateFromYaml() throws Exception {
    KafkaSettings kafka = kafkaFromYaml(PASSWORD, true);
    String topic = "sasl-ssl-" + System.nanoTime();

    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            KafkaClientProperties.producer(kafka, "it-producer"),
            new StringSerializer(),
            new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, "key", "over SASL_SSL")).get();
    }

    assertThat(consumeOne(kafka, topic)).isEqualTo("key=over SASL_SSL");
  }

  @Test
  void shouldFailWithAuthenticationErrorWhenPasswordIsWrong() throws Exception {
    KafkaSettings kafka = kafkaFromYaml("wrong password", true);

    Throwable error = listTopics(kafka);

    assertThat(error).isInstanceOf(ExecutionException.class);
    assertThat(error.getCause())
        .isInstanceOf(SaslAuthenticationException.class)
        .hasMessage(
            "Authentication failed during authentication due to invalid credentials with SASL"
                + " mechanism SCRAM-SHA-512");
  }

  @Test
  void shouldFailTlsHandshakeWhenClientPresentsNoCertificate() throws Exception {
    KafkaSettings kafka = kafkaFromYaml(PASSWORD, false);

    Throwable error = listTopics(kafka);

    assertThat(error).isInstanceOf(ExecutionException.class);
    assertThat(error.getCause()).isInstanceOf(SslAuthenticationException.class);
    assertThat(error).rootCause().hasMessage("Received fatal alert: bad_certificate");
  }

  private static KafkaSettings kafkaFromYaml(String password, boolean withClientCertificate)
      throws Exception {
    Path passwordFile = Files.writeString(dir.resolve("password-" + System.nanoTime()), password);
    String clientCertificate =
        withClientCertificate
            ? "    cert_file: " + client.certFile() + "\n    key_file: " + client.keyFile() + "\n"
            : "";
    String yaml =
        "kafka:\n"
            + "  bootstrap_servers: "
            + broker.saslSslBootstrapServers()
            + "\n  security_protocol: SASL_SSL\n"
            + "  sasl:\n    mechanism: SCRAM-SHA-512\n    username: "
            + USER
            + "\n    password_file: "
            + passwordFile
            + "\n  tls:\n    ca_file: "
            + server.certFile()
            + "\n"
            + clientCertificate;
    return ConfigLoader.load(yaml, "it.yaml", Map.of()).kafka();
  }

  private static Throwable listTopics(KafkaSettings kafka) {
    try (Admin admin = Admin.create(KafkaClientProperties.admin(kafka, "it"))) {
      return catchThrowable(() -> admin.listTopics().names().get());
    }
  }

  private static String consumeOne(KafkaSettings kafka, String topic) {
    List<String> seen = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            KafkaClientProperties.consumer(kafka, "it-consumer", "it-group-" + topic),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                  seen.add(r.key() + "=" + r.value());
                }
                return !seen.isEmpty();
              });
    }
    return seen.get(0);
  }
}
