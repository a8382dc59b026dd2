package io.scrapestream.core.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code kafka.tls}: how clients trust the brokers and, for mutual TLS, which certificate they
 * present.
 *
 * @param caFile PEM file of the CA certificates that sign the brokers' certificates; without it the
 *     JVM's default trust store is used
 * @param clientCertificate the client certificate of mutual TLS, if any
 * @param insecureSkipVerify true to skip the check that the broker's certificate names the host
 *     connected to (Kafka clients always verify the certificate chain)
 */
public record KafkaTls(
    Optional<Path> caFile,
    Optional<KafkaClientCertificate> clientCertificate,
    boolean insecureSkipVerify) {
  public KafkaTls {
    Objects.requireNonNull(caFile, "caFile must not be null");
    Objects.requireNonNull(clientCertificate, "clientCertificate must not be null");
  }

  /** The JVM's trust store, no client certificate, host names verified. */
  public static KafkaTls defaults() {
    return new KafkaTls(Optional.empty(), Optional.empty(), false);
  }
}
