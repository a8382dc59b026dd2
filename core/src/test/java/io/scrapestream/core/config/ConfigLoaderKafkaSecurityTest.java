package io.scrapestream.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderKafkaSecurityTest {
  static final String CERT = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
  static final String KEY = "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n";

  @TempDir Path dir;

  @Test
  void shouldBePlaintextWhenNoSecurityIsConfigured() throws Exception {
    assertThat(load("kafka: {bootstrap_servers: k:9092}\n").kafka().security())
        .isEqualTo(KafkaSecurity.plaintext());
  }

  @Test
  void shouldReadScramCredentialsWhenPasswordIsInAFile() throws Exception {
    Path password = Files.writeString(dir.resolve("password"), "s3cret\n");

    KafkaSecurity security =
        load("kafka:\n  security_protocol: SASL_SSL\n  sasl:\n    mechanism: SCRAM-SHA-256\n"
                + "    username: scrapestream\n    password_file: "
                + password
                + "\n")
            .kafka()
            .security();

    assertThat(security)
        .isEqualTo(
            new KafkaSecurity(
                KafkaSecurityProtocol.SASL_SSL,
                Optional.of(
                    new KafkaSasl(
                        KafkaSaslMechanism.SCRAM_SHA_256, "scrapestream", new Secret("s3cret"))),
                Optional.empty()));
  }

  @Test
  void shouldReadCaAndClientCertificateWhenMutualTlsIsConfigured() throws Exception {
    Path ca = Files.writeString(dir.resolve("ca.crt"), CERT);
    Path cert = Files.writeString(dir.resolve("user.crt"), CERT + CERT);
    Path key = Files.writeString(dir.resolve("user.key"), KEY);

    KafkaSecurity security =
        load("kafka:\n  security_protocol: SSL\n  tls:\n    ca_file: %s\n    cert_file: %s\n"
                    .formatted(ca, cert)
                + "    key_file: "
                + key
                + "\n    insecure_skip_verify: true\n")
            .kafka()
            .security();

    assertThat(security.protocol()).isEqualTo(KafkaSecurityProtocol.SSL);
    assertThat(security.sasl()).isEmpty();
    KafkaTls tls = security.tls().orElseThrow();
    assertThat(tls.caFile()).contains(ca);
    assertThat(tls.insecureSkipVerify()).isTrue();
    assertThat(tls.clientCertificate())
        .contains(new KafkaClientCertificate(CERT + CERT, new Secret(KEY)));
    assertThat(tls.clientCertificate().orElseThrow().toString())
        .isEqualTo("KafkaClientCertificate[certificateChain=<pem>, privateKey=<secret>]");
  }

  @Test
  void shouldReportEachMistakeWhenSecurityKeysDisagree() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                load(
                    "kafka:\n  security_protocol: PLAINTEXT\n"
                        + "  sasl: {mechanism: GSSAPI, username: u, password: p}\n"
                        + "  tls: {insecure_skip_verify: true}\n"));

    assertThat(e.problems())
        .containsExactly(
            "kafka.sasl.mechanism: must be one of: PLAIN, SCRAM-SHA-256, SCRAM-SHA-512."
                + " Found: \"GSSAPI\"",
            "kafka.sasl: must only be set with security_protocol SASL_PLAINTEXT or SASL_SSL."
                + " Found: \"PLAINTEXT\"",
            "kafka.tls: must only be set with security_protocol SSL or SASL_SSL."
                + " Found: \"PLAINTEXT\"");
  }

  @Test
  void shouldReportMissingCredentialsWhenProtocolUsesSasl() {
    ConfigException missingSasl =
        catchThrowableOfType(
            ConfigException.class, () -> load("kafka: {security_protocol: SASL_PLAINTEXT}\n"));
    ConfigException missingPassword =
        catchThrowableOfType(
            ConfigException.class,
            () -> load("kafka: {security_protocol: SASL_SSL, sasl: {username: u}}\n"));

    assertThat(missingSasl.problems())
        .containsExactly(
            "kafka.sasl: must be set when security_protocol is SASL_PLAINTEXT. Found: nothing");
    assertThat(missingPassword.problems())
        .containsExactly("kafka.sasl.password: must be set, or password_file. Found: nothing");
  }

  @Test
  void shouldNameTheConversionWhenKeyIsPkcs1() throws Exception {
    Path cert = Files.writeString(dir.resolve("user.crt"), CERT);
    Path key =
        Files.writeString(
            dir.resolve("user.key"),
            "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n");

    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                load(
                    "kafka: {security_protocol: SSL, tls: {cert_file: %s, key_file: %s}}\n"
                        .formatted(cert, key)));

    assertThat(e.problems())
        .containsExactly(
            "kafka.tls.key_file: must name a PEM file holding -----BEGIN PRIVATE KEY-----. Found: \""
                + key
                + "\" with -----BEGIN RSA PRIVATE KEY-----; convert it with: openssl pkcs8 -topk8"
                + " -nocrypt");
  }

  @Test
  void shouldReportMissingHalfWhenOnlyCertFileIsSet() throws Exception {
    Path cert = Files.writeString(dir.resolve("user.crt"), CERT);

    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () -> load("kafka: {security_protocol: SSL, tls: {cert_file: %s}}\n".formatted(cert)));

    assertThat(e.problems())
        .containsExactly("kafka.tls.key_file: must be set together with cert_file. Found: nothing");
  }

  @Test
  void shouldReportUnreadableFileWhenCaFileIsMissing() {
    Path missing = dir.resolve("absent.crt");

    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () -> load("kafka: {security_protocol: SSL, tls: {ca_file: %s}}\n".formatted(missing)));

    assertThat(e.problems())
        .containsExactly(
            "kafka.tls.ca_file: must name a readable PEM file. Found: \""
                + missing
                + "\" (NoSuchFileException)");
  }

  private static ScrapestreamConfig load(String yaml) throws ConfigException {
    return ConfigLoader.load(yaml, "test.yaml", Map.of(), () -> "h");
  }
}
