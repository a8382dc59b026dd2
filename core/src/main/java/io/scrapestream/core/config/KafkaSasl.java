package io.scrapestream.core.config;

import java.util.Objects;

/**
 * {@code kafka.sasl}: the mechanism and the credentials of Scrapestream's Kafka user. {@link
 * #toString()} shows the password redacted.
 */
public record KafkaSasl(KafkaSaslMechanism mechanism, String username, Secret password) {
  public KafkaSasl {
    Objects.requireNonNull(mechanism, "mechanism must not be null");
    ConfigRules.require("username", username, ConfigRules.NOT_EMPTY);
    Objects.requireNonNull(password, "password must not be null");
  }
}
