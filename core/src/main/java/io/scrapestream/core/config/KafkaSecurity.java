package io.scrapestream.core.config;

import java.util.Objects;
import java.util.Optional;

/**
 * How Scrapestream's Kafka clients connect: the protocol, the SASL credentials (exactly when the
 * protocol uses SASL) and the TLS settings (only when the protocol uses TLS; the defaults when
 * absent).
 */
public record KafkaSecurity(
    KafkaSecurityProtocol protocol, Optional<KafkaSasl> sasl, Optional<KafkaTls> tls) {
  public KafkaSecurity {
    Objects.requireNonNull(protocol, "protocol must not be null");
    Objects.requireNonNull(sasl, "sasl must not be null");
    Objects.requireNonNull(tls, "tls must not be null");
    if (protocol.usesSasl() != sasl.isPresent()) {
      throw new IllegalArgumentException(
          "sasl must be "
              + (protocol.usesSasl() ? "set" : "absent")
              + " when protocol is "
              + protocol
              + ". Found: "
              + (sasl.isPresent() ? "sasl" : "nothing"));
    }
    if (!protocol.usesTls() && tls.isPresent()) {
      throw new IllegalArgumentException(
          "tls must be absent when protocol is " + protocol + ". Found: tls");
    }
  }

  /** No encryption, no authentication. */
  public static KafkaSecurity plaintext() {
    return new KafkaSecurity(KafkaSecurityProtocol.PLAINTEXT, Optional.empty(), Optional.empty());
  }
}
