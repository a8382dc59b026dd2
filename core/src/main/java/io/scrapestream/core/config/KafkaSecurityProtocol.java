package io.scrapestream.core.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@code kafka.security_protocol}: Kafka's {@code security.protocol}, as Kafka names it. */
public enum KafkaSecurityProtocol {
  PLAINTEXT(false, false),
  SSL(true, false),
  SASL_PLAINTEXT(false, true),
  SASL_SSL(true, true);

  private final boolean tls;
  private final boolean sasl;

  KafkaSecurityProtocol(boolean tls, boolean sasl) {
    this.tls = tls;
    this.sasl = sasl;
  }

  /** True when connections are encrypted with TLS. */
  public boolean usesTls() {
    return tls;
  }

  /** True when clients authenticate with SASL. */
  public boolean usesSasl() {
    return sasl;
  }

  static List<String> names() {
    return Arrays.stream(values()).map(Enum::name).toList();
  }

  static Optional<KafkaSecurityProtocol> fromName(String name) {
    return Arrays.stream(values()).filter(p -> p.name().equals(name)).findFirst();
  }
}
