package io.scrapestream.core.config;

import java.util.Objects;

/**
 * The client certificate of mutual TLS with Kafka ({@code kafka.tls.cert_file} and {@code
 * key_file}): the PEM certificate chain and the PEM PKCS#8 private key, read when the configuration
 * is loaded. {@link #toString()} shows neither.
 */
public record KafkaClientCertificate(String certificateChain, Secret privateKey) {
  static final String CERTIFICATE_MARKER = "-----BEGIN CERTIFICATE-----";
  static final String PKCS8_MARKER = "-----BEGIN PRIVATE KEY-----";

  public KafkaClientCertificate {
    Objects.requireNonNull(certificateChain, "certificateChain must not be null");
    Objects.requireNonNull(privateKey, "privateKey must not be null");
    if (!certificateChain.contains(CERTIFICATE_MARKER)) {
      throw new IllegalArgumentException(
          "certificateChain must hold a PEM certificate (" + CERTIFICATE_MARKER + ")");
    }
    if (!privateKey.reveal().contains(PKCS8_MARKER)) {
      throw new IllegalArgumentException(
          "privateKey must be an unencrypted PKCS#8 PEM key (" + PKCS8_MARKER + ")");
    }
  }

  @Override
  public String toString() {
    return "KafkaClientCertificate[certificateChain=<pem>, privateKey=" + Secret.REDACTED + "]";
  }
}
